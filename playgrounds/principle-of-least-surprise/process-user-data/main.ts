// The page's example in TypeScript: the same job done in a surprising way and in a predictable way.
// Edit either function and press Run (Ctrl/Cmd+Enter) to see what the caller is left holding.
import { processUserData, type UserData } from './user-data';

interface LooseRecord {
  [key: string]: unknown;
}

// Surprising (bad): what does it return? Does it mutate data?
function process(data: LooseRecord): LooseRecord {
  data['email'] = String(data['email']).trim().toLowerCase();
  (data['tags'] as string[]).push('processed');
  return data;
}

const alice: UserData = { name: 'Alice', email: '  Alice@Example.COM ', tags: ['beta'] };

console.log('--- surprising: process(data) ---');
const before = JSON.stringify(alice);
const returned = process(alice as unknown as LooseRecord);
console.log('returned the very object it was given:', returned === (alice as unknown));
console.log("caller's object before:", before);
console.log("caller's object after: ", JSON.stringify(alice));

console.log('--- least surprise: processUserData(userData) ---');
const bob: UserData = { name: 'Bob', email: '  Bob@Example.COM ', tags: ['beta'] };
const bobBefore = JSON.stringify(bob);
const processed = processUserData(bob);
console.log('returned a new value:', processed !== (bob as unknown));
console.log('processed:', processed);
console.log("caller's object unchanged:", JSON.stringify(bob) === bobBefore);
