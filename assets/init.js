// Starts GOV.UK Frontend's components. A file, not an inline script, so the Content-Security-Policy can
// forbid inline script altogether.
import { initAll } from '/assets/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
