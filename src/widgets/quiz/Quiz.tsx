/**
 * Multiple-choice and numeric questions, checked at once, each with an explanation after the answer; and
 * questions answered by setting a figure on the page, checked against what the figure shows.
 */
import { useId, useState } from 'react';
import { readingOf } from '../shared/figureReadings';
import { MathText, plainText } from '../shared/MathText';
import type { Bilingual, WidgetBaseProps } from '../types';
import { checkFigure, GOALS } from './goals';
import { type FigureQuestion, judge, type Question, type Verdict, validateQuestions } from './model';

const text: Bilingual<{
  check: string;
  correct: string;
  wrong: string;
  invalid: string;
  yourAnswer: string;
  question: string;
  score: (right: number, total: number) => string;
  broken: string;
  again: string;
  checkFigure: string;
  toFigure: string;
  noReading: string;
}> = {
  en: {
    check: 'Check',
    correct: 'Correct.',
    wrong: 'Not quite.',
    invalid: 'Please enter a number, e.g. 12 or 0.5.',
    yourAnswer: 'Your answer',
    question: 'Question',
    score: (right, total) => `${right} of ${total} answered correctly`,
    broken: 'This quiz is malformed',
    again: 'Try again',
    checkFigure: 'Check the figure',
    toFigure: 'Go to the figure',
    noReading:
      'The figure is not showing the numbers this question needs yet: scroll to it, wait for it to load, and open the view the question names.',
  },
  zh: {
    check: '检查',
    correct: '正确。',
    wrong: '不太对。',
    invalid: '请输入一个数，例如 12 或 0.5。',
    yourAnswer: '你的答案',
    question: '问题',
    score: (right, total) => `已答对 ${right} / ${total} 题`,
    broken: '这个测验的格式有误',
    again: '再试一次',
    checkFigure: '检查图中的设置',
    toFigure: '转到该图',
    noReading: '该图还没有显示这道题需要的数值：请滚动到图的位置，等它加载完毕，并打开题目所说的视图。',
  },
};

interface QuizProps extends WidgetBaseProps {
  questions: Question[];
}

export default function Quiz({ lang, questions }: QuizProps) {
  const t = text[lang];
  const problems = validateQuestions(questions, Object.keys(GOALS));
  const [verdicts, setVerdicts] = useState<Record<number, Verdict>>({});
  if (problems.length) {
    return (
      <div role="alert" className="widget-error">
        <strong>{t.broken}:</strong> {problems.join('; ')}
      </div>
    );
  }
  const right = Object.values(verdicts).filter((verdict) => verdict === 'correct').length;
  return (
    <div className="quiz">
      <ol className="quiz-questions">
        {questions.map((question, index) => (
          <QuestionItem
            // biome-ignore lint/suspicious/noArrayIndexKey: questions are a fixed list from the page.
            key={index}
            lang={lang}
            question={question}
            onVerdict={(verdict) => setVerdicts((current) => ({ ...current, [index]: verdict }))}
          />
        ))}
      </ol>
      <p className="quiz-score" aria-live="polite">
        {t.score(right, questions.length)}
      </p>
    </div>
  );
}

function QuestionItem({
  lang,
  question,
  onVerdict,
}: {
  lang: WidgetBaseProps['lang'];
  question: Question;
  onVerdict: (verdict: Verdict) => void;
}) {
  const t = text[lang];
  const name = useId();
  const [choice, setChoice] = useState<number | null>(null);
  const [typed, setTyped] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);

  const check = () => {
    const result = judge(question, question.kind === 'choice' ? (choice ?? -1) : typed);
    setVerdict(result);
    onVerdict(result);
  };

  if (question.kind === 'figure') return <FigureItem lang={lang} question={question} onVerdict={onVerdict} />;

  return (
    <li className="quiz-question">
      <fieldset>
        <legend>
          <MathText text={question.prompt} />
        </legend>
        {question.kind === 'choice' ? (
          <div className="quiz-options">
            {question.options.map((option, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: options are a fixed list.
              <label key={index} className="quiz-option">
                <input
                  type="radio"
                  name={name}
                  aria-label={plainText(option)}
                  checked={choice === index}
                  onChange={() => {
                    setChoice(index);
                    setVerdict(null);
                  }}
                />{' '}
                <MathText text={option} />
              </label>
            ))}
          </div>
        ) : (
          <label className="quiz-number">
            {t.yourAnswer}{' '}
            <input
              type="text"
              inputMode="decimal"
              value={typed}
              onChange={(event) => {
                setTyped(event.target.value);
                setVerdict(null);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') check();
              }}
            />
            {question.unit ? <span> {question.unit}</span> : null}
          </label>
        )}
        <button type="button" onClick={check} disabled={question.kind === 'choice' && choice === null}>
          {t.check}
        </button>
        <div className="quiz-feedback" aria-live="polite">
          {verdict === 'invalid' ? <p className="quiz-invalid">{t.invalid}</p> : null}
          {verdict === 'correct' || verdict === 'wrong' ? (
            <p className={verdict === 'correct' ? 'quiz-correct' : 'quiz-wrong'}>
              <strong>{verdict === 'correct' ? `✓ ${t.correct}` : `✗ ${t.wrong}`}</strong>{' '}
              <MathText text={question.explain} />
            </p>
          ) : null}
        </div>
      </fieldset>
    </li>
  );
}

/** A question answered by setting a figure: the check reads what the figure shows now. */
function FigureItem({
  lang,
  question,
  onVerdict,
}: {
  lang: WidgetBaseProps['lang'];
  question: FigureQuestion;
  onVerdict: (verdict: Verdict) => void;
}) {
  const t = text[lang];
  const [result, setResult] = useState<ReturnType<typeof checkFigure> | null>(null);
  const check = () => {
    const r = checkFigure(question.goal, readingOf(question.figure), lang);
    setResult(r);
    onVerdict(r.verdict === 'no-reading' ? 'invalid' : r.verdict);
  };
  return (
    <li className="quiz-question">
      <fieldset>
        <legend>
          <MathText text={question.prompt} />
        </legend>
        <p className="quiz-figure-link">
          <a href={`#${question.figure}`}>{t.toFigure} ↑</a>
        </p>
        <button type="button" onClick={check}>
          {t.checkFigure}
        </button>
        <div className="quiz-feedback" aria-live="polite">
          {result?.verdict === 'no-reading' ? <p className="quiz-invalid">{t.noReading}</p> : null}
          {result && result.verdict !== 'no-reading' ? (
            <p className={result.verdict === 'correct' ? 'quiz-correct' : 'quiz-wrong'}>
              <strong>{result.verdict === 'correct' ? `✓ ${t.correct}` : `✗ ${t.wrong}`}</strong>{' '}
              <span className="quiz-measured">{result.measured}</span>{' '}
              {result.verdict === 'correct' ? <MathText text={question.explain} /> : null}
            </p>
          ) : null}
        </div>
      </fieldset>
    </li>
  );
}
