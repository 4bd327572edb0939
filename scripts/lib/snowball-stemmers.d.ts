/** Types for `snowball-stemmers`, which ships none. */
declare module 'snowball-stemmers' {
  /** A Snowball stemmer for one language. */
  interface Stemmer {
    stem(word: string): string;
  }
  /** The package's default export. */
  const snowball: { newStemmer(algorithm: string): Stemmer; algorithms(): string[] };
  export default snowball;
}
