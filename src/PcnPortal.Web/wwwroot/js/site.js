// Starts the NHS.UK frontend components (header menu, error summary focus, character counts, and so on).
import { initAll } from '../lib/nhsuk-frontend/nhsuk-frontend.min.js';

initAll();
