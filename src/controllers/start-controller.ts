import { IntersectionController } from '@lit-labs/observers/intersection-controller.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How close to the viewport the element starts its work. */
const NEAR_PX = 200;

function isNearViewport(box: DOMRect): boolean {
  const shown = box.width > 0 || box.height > 0; // hidden (display: none) elements have no box
  return shown && box.bottom >= -NEAR_PX && box.top <= window.innerHeight + NEAR_PX;
}

/**
 * Nothing is fetched or drawn before the element comes near the viewport: a map far down a long page
 * costs nothing until the visitor scrolls towards it.
 */
export class StartController implements ReactiveController {
  started = false;
  private nearAtConnect = false;
  private readonly nearViewport: IntersectionController<boolean>;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    this.nearViewport = new IntersectionController(host, {
      config: { rootMargin: `${NEAR_PX}px` },
      callback: (entries) => entries.some((entry) => entry.isIntersecting),
    });
  }

  hostConnected(): void {
    // The IntersectionObserver answers only after the next frame; an element that is plainly in view
    // (the usual case) can start right away.
    if (!this.started) this.nearAtConnect = isNearViewport(this.host.getBoundingClientRect());
  }

  /** True once, in the update in which the element comes near the viewport for the first time. */
  startsNow(): boolean {
    if (this.started || !(this.nearViewport.value || this.nearAtConnect)) return false;
    this.started = true;
    return true;
  }
}
