import { GeneralErrorBoundary } from "~/components/error-boundary";

/** Every unknown address ends here and is answered with the app's own 404 page. */
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
