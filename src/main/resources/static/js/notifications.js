/*
 * Broadsheet notifications: for a signed-in reader, the header's unread count follows the live stream
 * (/notifications/stream, Server-Sent Events) without a reload, and a small, polite toast announces the newest
 * notification. Without JavaScript, or without EventSource, the count is simply the one the page was served with.
 */
(function () {
    'use strict';

    var link = document.querySelector('.masthead a.notifications-link');
    if (!link || !window.EventSource) {
        return;
    }
    var streamUrl = link.getAttribute('data-stream');
    if (!streamUrl) {
        return;
    }

    // The live region exists before anything is said in it, so that screen readers announce what is put there.
    var region = document.createElement('div');
    region.className = 'toast-region';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    document.body.appendChild(region);
    var hideTimer = null;

    function showCount(count, label) {
        link.setAttribute('aria-label', label);
        link.classList.toggle('has-unread', count > 0);
        var badge = link.querySelector('.unread-count');
        if (count > 0) {
            if (!badge) {
                badge = document.createElement('span');
                badge.className = 'unread-count';
                badge.setAttribute('aria-hidden', 'true');
                link.appendChild(badge);
            }
            badge.textContent = count > 99 ? '99+' : String(count);
        } else if (badge) {
            badge.remove();
        }
    }

    function showToast(text, url) {
        region.textContent = '';
        var toast = document.createElement('p');
        toast.className = 'toast';
        var anchor = document.createElement('a');
        anchor.href = url;
        anchor.textContent = text;
        toast.appendChild(anchor);
        var close = document.createElement('button');
        close.type = 'button';
        close.className = 'toast-close';
        close.textContent = link.getAttribute('data-dismiss') || 'Dismiss';
        close.addEventListener('click', function () { region.textContent = ''; });
        toast.appendChild(close);
        region.appendChild(toast);
        window.clearTimeout(hideTimer);
        hideTimer = window.setTimeout(function () { region.textContent = ''; }, 10000);
    }

    var source = new EventSource(streamUrl);
    source.addEventListener('unread', function (event) {
        try {
            var data = JSON.parse(event.data);
            showCount(data.count, data.label);
        } catch (e) {
            // A malformed message changes nothing on the page.
        }
    });
    source.addEventListener('notification', function (event) {
        try {
            var data = JSON.parse(event.data);
            showToast(data.text, data.url);
        } catch (e) {
            // As above.
        }
    });
    window.addEventListener('pagehide', function () { source.close(); });
})();
