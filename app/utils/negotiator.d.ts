/** negotiator 1.x ships no types (and @types/negotiator describes 0.6): the part the feed uses. */
declare module "negotiator" {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | undefined> });
    /** The best of `available` the client accepts; ties go by `preferred` order. */
    encoding(available: string[], options?: { preferred?: string[] }): string | undefined;
  }
}
