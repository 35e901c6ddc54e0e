/** `--name VALUE` of a generator's command line (the value after the flag), or undefined when the flag is absent. */
export function flagReader(argv: readonly string[]): (name: string) => string | undefined {
  return (name) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
}
