/** Quiz questions and how an answer is judged: pure, so it is tested without a DOM. */

export interface ChoiceQuestion {
  kind: 'choice';
  prompt: string;
  options: string[];
  /** Index of the correct option. */
  answer: number;
  explain: string;
}

export interface NumberQuestion {
  kind: 'number';
  prompt: string;
  answer: number;
  /** Accepted absolute difference; 0 means exact. */
  tolerance?: number;
  unit?: string;
  explain: string;
}

/** Answered by setting a figure on the page, which the quiz then reads (goals.ts). */
export interface FigureQuestion {
  kind: 'figure';
  prompt: string;
  /** The element id of the figure to set, on the same page. */
  figure: string;
  /** A goal of goals.ts, for that kind of figure. */
  goal: string;
  explain: string;
}

export type Question = ChoiceQuestion | NumberQuestion | FigureQuestion;

export type Verdict = 'correct' | 'wrong' | 'invalid';

/** Accepts "12", "1e-3", "1,024", "−3" (a typographic minus) and "１２" (full-width digits). */
export function parseNumber(input: string): number | null {
  const normalized = input
    .trim()
    .replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 48))
    .replace(/[\u2212\uFF0D]/g, '-')
    .replace(/[\uFF0E\u3002]/g, '.')
    .replace(/(\d)[,\s](?=\d{3}\b)/g, '$1');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalized)) return null;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}

/** Judges a typed or chosen answer; a figure question is judged from the figure instead (goals.ts). */
export function judge(question: Question, answer: number | string): Verdict {
  if (question.kind === 'figure') return 'invalid';
  if (question.kind === 'choice') {
    if (typeof answer !== 'number' || !Number.isInteger(answer)) return 'invalid';
    return answer === question.answer ? 'correct' : 'wrong';
  }
  const value = typeof answer === 'number' ? answer : parseNumber(answer);
  if (value === null || !Number.isFinite(value)) return 'invalid';
  return Math.abs(value - question.answer) <= (question.tolerance ?? 0) + 1e-12 * Math.abs(question.answer)
    ? 'correct'
    : 'wrong';
}

/** Problems an author can make in a question; the widget shows them instead of a broken quiz. */
export function validateQuestions(questions: unknown, goals: readonly string[] = []): string[] {
  if (!Array.isArray(questions) || questions.length === 0)
    return ['a quiz needs a non-empty list of questions'];
  const problems: string[] = [];
  questions.forEach((raw: unknown, index) => {
    const at = `question ${index + 1}`;
    const question = (raw ?? {}) as Record<string, unknown>;
    if (typeof question.prompt !== 'string' || !question.prompt) problems.push(`${at}: missing prompt`);
    if (typeof question.explain !== 'string') problems.push(`${at}: missing explanation`);
    const answer = question.answer;
    if (question.kind === 'choice') {
      const options = question.options;
      if (!Array.isArray(options) || options.length < 2) problems.push(`${at}: needs two options`);
      else if (
        typeof answer !== 'number' ||
        !Number.isInteger(answer) ||
        answer < 0 ||
        answer >= options.length
      )
        problems.push(`${at}: answer must index an option`);
    } else if (question.kind === 'number') {
      if (typeof answer !== 'number' || !Number.isFinite(answer))
        problems.push(`${at}: answer must be a number`);
    } else if (question.kind === 'figure') {
      if (typeof question.figure !== 'string' || !question.figure) problems.push(`${at}: missing figure id`);
      if (typeof question.goal !== 'string' || !goals.includes(question.goal))
        problems.push(`${at}: goal must be one of ${goals.join(', ') || '(none)'}`);
    } else problems.push(`${at}: kind must be 'choice', 'number' or 'figure'`);
  });
  return problems;
}
