/** Multiple-choice and numeric questions, checked at once, each with an explanation after the answer. */
import { useId, useState } from 'react';
import { MathText, plainText } from '../shared/MathText';
import type { Bilingual, WidgetBaseProps } from '../types';
import { judge, type Question, type Verdict, validateQuestions } from './model';

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
  },
};

interface QuizProps extends WidgetBaseProps {
  questions: Question[];
}

export default function Quiz({ lang, questions }: QuizProps) {
  const t = text[lang];
  const problems = validateQuestions(questions);
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
