# Runs a command with its stdout on a non-blocking pipe that is read only after
# a pause, so that writes into it fail with EAGAIN until the reader catches up;
# copies what comes out to this script's stdout and exits with the command's code.
import fcntl, os, subprocess, sys, time

r, w = os.pipe()
fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)
child = subprocess.Popen(sys.argv[1:], stdout=w, stdin=subprocess.DEVNULL)
os.close(w)
time.sleep(0.5)
while True:
    chunk = os.read(r, 65536)
    if not chunk:
        break
    sys.stdout.buffer.write(chunk)
sys.exit(child.wait())
