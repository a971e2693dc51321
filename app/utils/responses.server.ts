/**
 * The 404 every loader and action throws for something that is not there, or
 * not the team's: both look the same from outside. The error boundary explains it.
 */
export function notFound(): Response {
  return new Response("Not found", { status: 404 });
}
