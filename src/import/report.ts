// Problems → one line each: "Fehler: Zeile 7, Spalte „Kommune“: …".

import type { Messages } from './i18n/index.js';
import type { Problem } from './problems.js';

export function formatProblem(problem: Problem, messages: Messages): string {
  const where = [
    problem.line === undefined ? undefined : messages.line(problem.line, problem.record),
    problem.column === undefined ? undefined : messages.column(problem.column),
  ].filter(Boolean);
  const format = messages.problem[problem.code] as (params: Problem['params']) => string;
  const text = format(problem.params);
  return `${messages.severity[problem.severity]}: ${where.length > 0 ? `${where.join(', ')}: ` : ''}${text}`;
}
