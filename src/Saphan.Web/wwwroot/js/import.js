// Import page: show the progress bar while an upload, dry run or import is running, and prevent a second submit.
document.querySelectorAll("form.import-run").forEach(function (form) {
    form.addEventListener("submit", function (event) {
        if (event.submitter && event.submitter.id === "cancel-import") { return; }
        var progress = form.querySelector(".import-progress");
        if (progress) { progress.hidden = false; }
        window.setTimeout(function () {
            form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
        }, 0);
    });
});
