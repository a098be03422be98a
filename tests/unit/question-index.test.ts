import { describe, expect, it } from 'vitest';
import { groupByTopic, summariseQuestions } from '../../src/lib/question-index';

const page = (id: string, question?: number, topic?: 'Data' | 'Architecture style') => ({
  id,
  data: { title: `Title of ${id}`, description: `About ${id}.`, question, topic },
});

describe('summariseQuestions', () => {
  it('keeps question pages only, sorted by number', () => {
    const summaries = summariseQuestions([
      page('index'),
      page('questions/b', 22, 'Data'),
      page('questions/a', 1, 'Architecture style'),
    ]);
    expect(summaries.map((s) => [s.n, s.slug])).toEqual([
      [1, 'a'],
      [22, 'b'],
    ]);
  });

  it('names the file of a page that lacks its topic', () => {
    const orphan = { ...page('questions/orphan', 3), filePath: 'src/content/docs/questions/orphan.mdx' };
    expect(() => summariseQuestions([orphan])).toThrow('src/content/docs/questions/orphan.mdx: a question page');
  });

  it('names the page that lacks its question number', () => {
    expect(() => summariseQuestions([page('questions/orphan', undefined, 'Data')])).toThrow(
      'questions/orphan: a question page needs question, topic and description',
    );
  });
});

describe('groupByTopic', () => {
  it('follows the topic order and drops empty topics', () => {
    const groups = groupByTopic(
      summariseQuestions([page('questions/z', 23, 'Data'), page('questions/y', 2, 'Architecture style')]),
    );
    expect(groups.map((g) => [g.topic, g.questions.map((q) => q.n)])).toEqual([
      ['Architecture style', [2]],
      ['Data', [23]],
    ]);
  });
});
