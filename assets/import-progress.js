// Shows an import's progress as it goes, without the person reloading the page. Without JavaScript the
// page's "Check again" link does the same.
const box = document.getElementById('import-progress')
if (box) {
  const status = document.getElementById('import-status')
  const poll = async () => {
    try {
      const response = await fetch(`/data/jobs/${box.dataset.job}.json`, { credentials: 'same-origin' })
      const job = await response.json()
      if (job.finished) {
        window.location.reload()
        return
      }
      if (status.textContent !== job.status) status.textContent = job.status
    } catch (e) {
      // A missed poll is tried again at the next tick.
    }
    setTimeout(poll, 1000)
  }
  setTimeout(poll, 1000)
}
