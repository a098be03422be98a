import { describe, expect, it } from 'vitest';
import { sourceProblems } from '../../../src/lib/diagrams/source-rules';

describe('sourceProblems', () => {
  it('accepts a diagram that leaves the theme to the site', () => {
    expect(sourceProblems('---\nconfig:\n  gantt:\n    barHeight: 24\n---\ngantt\n  title x')).toEqual([]);
  });

  it('rejects a theme in front matter or an init directive', () => {
    expect(sourceProblems('---\nconfig:\n  theme: forest\n---\nflowchart TB')).toHaveLength(1);
    expect(sourceProblems("%%{init: {'theme': 'dark'}}%%\nflowchart TB")).toHaveLength(1);
  });
});
