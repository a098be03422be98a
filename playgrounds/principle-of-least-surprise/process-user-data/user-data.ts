/** The least-surprise version: the name says what it does, the types say what goes in and what comes out. */
export interface UserData {
  readonly name: string;
  readonly email: string;
  readonly tags: readonly string[];
}

export interface ProcessedUserData extends UserData {
  /** "Name <email>", ready for an address line. */
  readonly recipient: string;
}

/** Processes user data and returns a new processed instance. The argument is never modified. */
export function processUserData(userData: UserData): ProcessedUserData {
  const email = userData.email.trim().toLowerCase();
  return {
    ...userData,
    email,
    tags: [...userData.tags, 'processed'],
    recipient: `${userData.name} <${email}>`,
  };
}
