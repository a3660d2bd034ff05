/** Colour functions handed to renderers; the CLI decides whether they colour anything. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  magenta(text: string): string;
  cyan(text: string): string;
}

const same = (text: string) => text;
export const plainStyle: Style = { bold: same, dim: same, red: same, yellow: same, green: same, magenta: same, cyan: same };
