/** What the reference feed service answers a sign-up, as far as the scenarios read it. */
export interface SignupAnswer {
  readonly user: { readonly id: number };
  readonly token: string;
  readonly followImport: { readonly requested: number };
}

/** What the reference feed service answers a new post, as far as the scenarios read it. */
export interface PostAnswer {
  readonly id: number;
}
