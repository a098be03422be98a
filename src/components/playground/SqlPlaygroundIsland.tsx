import { PostgreSQL, sql } from '@codemirror/lang-sql';
import type { CustomLanguage } from '@codesandbox/sandpack-react';
import PlaygroundIsland, { type PlaygroundProps } from './PlaygroundIsland';

/** PostgreSQL highlighting for .sql files. A separate island, so pages without SQL never download it. */
const languages: CustomLanguage[] = [{ name: 'sql', extensions: ['sql'], language: sql({ dialect: PostgreSQL }) }];

export default function SqlPlaygroundIsland(props: PlaygroundProps) {
  return <PlaygroundIsland {...props} languages={languages} />;
}
