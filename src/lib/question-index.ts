import { TOPICS, type Topic } from './catalogue';

export interface QuestionSummary {
  readonly n: number;
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly topic: Topic;
}

export interface QuestionPage {
  readonly id: string;
  readonly filePath?: string | undefined;
  readonly data: {
    readonly title: string;
    readonly description?: string | undefined;
    readonly question?: number | undefined;
    readonly topic?: Topic | undefined;
  };
}

/** Question pages only (ids under `questions/`), as summaries in question order. */
export function summariseQuestions(pages: readonly QuestionPage[]): QuestionSummary[] {
  return pages
    .filter((page) => page.id.startsWith('questions/'))
    .map(({ id, filePath, data }) => {
      if (data.question === undefined || data.topic === undefined || data.description === undefined) {
        throw new Error(`${filePath ?? id}: a question page needs question, topic and description in its frontmatter`);
      }
      return {
        n: data.question,
        slug: id.slice('questions/'.length),
        title: data.title,
        description: data.description,
        topic: data.topic,
      };
    })
    .sort((a, b) => a.n - b.n);
}

/** Groups summaries by topic in the handbook's topic order, dropping empty topics. */
export function groupByTopic(questions: readonly QuestionSummary[]): { topic: Topic; questions: QuestionSummary[] }[] {
  return TOPICS.map((topic) => ({ topic, questions: questions.filter((q) => q.topic === topic) })).filter(
    (group) => group.questions.length > 0,
  );
}
