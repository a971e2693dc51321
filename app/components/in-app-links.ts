import { useNavigate } from "@remix-run/react";
import { type RefObject, useEffect } from "react";

/**
 * Lets plain `<a href>` links inside `container` navigate within the app, as
 * `<Link>` does, through one listener: a long list renders and hydrates far
 * faster with plain anchors than with a `<Link>` each. Downloads, other
 * windows, other sites and modified clicks are left to the browser.
 */
export function useInAppLinks(container: RefObject<HTMLElement>) {
  const navigate = useNavigate();
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const follow = (event: MouseEvent) => {
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey
      ) {
        return;
      }
      const link = event.target instanceof Element ? event.target.closest("a") : null;
      if (!link || link.hasAttribute("download") || link.target || link.origin !== window.location.origin) return;
      event.preventDefault();
      navigate(link.pathname + link.search + link.hash);
    };
    element.addEventListener("click", follow);
    return () => element.removeEventListener("click", follow);
  }, [container, navigate]);
}
