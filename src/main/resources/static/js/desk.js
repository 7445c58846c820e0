/*
 * The editorial desk: only enhances pages that work without it. On the article form, only the inputs of the chosen
 * kind of lead are shown (the parts marked data-lead-for); without this script every part shows. Either way the
 * lead saved is built from the chosen kind's fields only (ArticleForm.toDraft).
 */
(function () {
    'use strict';

    function chosenKind(form) {
        var checked = form.querySelector('input[name=leadKind]:checked');
        return checked ? checked.value : null;
    }

    function showLeadParts(form) {
        var kind = chosenKind(form);
        form.querySelectorAll('[data-lead-for]').forEach(function (part) {
            // With no choice, or a message to read in it, a part stays in view.
            var shown = kind === null || part.getAttribute('data-lead-for').split(' ').indexOf(kind) >= 0
                || part.querySelector('.error') !== null;
            part.hidden = !shown;
            // A hidden part's typed text is kept and sent; a file chosen in it is kept but not sent, so that a
            // picture picked before switching to "Nothing" is not uploaded as the lead after all.
            part.querySelectorAll('input[type=file]').forEach(function (file) {
                file.disabled = !shown;
            });
        });
    }

    function enhance(form) {
        showLeadParts(form);
        form.addEventListener('change', function (event) {
            if (event.target.name === 'leadKind') {
                showLeadParts(form);
            }
        });
    }

    function start() {
        document.querySelectorAll('form.editor-form').forEach(function (form) {
            if (form.querySelector('[data-lead-for]')) {
                enhance(form);
            }
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
