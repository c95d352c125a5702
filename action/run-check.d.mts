/** The CLI's arguments for the step's INPUT_* variables, or the reason they cannot run. */
export function cliArgs(
  env: Record<string, string | undefined>,
  summaryFile: string,
): { args: string[]; junit: string | null; error?: undefined } | { error: string };
