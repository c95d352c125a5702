import annotations from './annotations';
import capability from './capability';
import description from './description';
import drift from './drift';
import expected from './expected';
import inputSchema from './input-schema';
import invocationText from './invocation-text';
import list from './list';
import listChanged from './list-changed';
import minCount from './min-count';
import name from './name';
import nonempty from './nonempty';
import outputSchema from './output-schema';
import smuggledCharacters from './smuggled-characters';
import suspiciousInstructions from './suspicious-instructions';

/** The Tools row's checks, sorted by id. */
export const TOOLS_CHECKS = [
  annotations,
  capability,
  description,
  drift,
  expected,
  inputSchema,
  invocationText,
  list,
  listChanged,
  minCount,
  name,
  nonempty,
  outputSchema,
  smuggledCharacters,
  suspiciousInstructions,
] as const;
