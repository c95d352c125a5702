import type { CheckDefinition } from '../define';
import annotations from './annotations';
import capability from './capability';
import description from './description';
import drift from './drift';
import inputSchema from './input-schema';
import invocationText from './invocation-text';
import list from './list';
import listChanged from './list-changed';
import name from './name';
import nonempty from './nonempty';
import outputSchema from './output-schema';

/** The Tools row's checks, sorted by id. */
export const TOOLS_CHECKS: CheckDefinition[] = [
  annotations,
  capability,
  description,
  drift,
  inputSchema,
  invocationText,
  list,
  listChanged,
  name,
  nonempty,
  outputSchema,
];
