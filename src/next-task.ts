/** Lets the browser paint and handle input before the next step of a long job. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}
