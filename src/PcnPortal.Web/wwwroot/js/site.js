// Starts the NHS.UK frontend components (header menu, error summary focus, conditional radios, character counts, and so on).
// nhsuk-frontend 10 starts a component only when the body carries `nhsuk-frontend-supported` (its check that the browser
// runs ES modules); the NHS template sets it with an inline script, which the portal's Content-Security-Policy refuses,
// so this module (which only runs where modules do) sets it first.
import { initAll } from '../lib/nhsuk-frontend/nhsuk-frontend.min.js';

document.body.classList.add('nhsuk-frontend-supported');
initAll();
