/*
 * Broadsheet's service worker: shows the browser notifications the site pushes (see notification.push) and opens
 * the notification's page, on this site only, when one is clicked. It keeps no cache: pages come from the network.
 */
self.addEventListener('push', function (event) {
    var data = {};
    try {
        data = event.data ? event.data.json() : {};
    } catch (e) {
        data = {};
    }
    event.waitUntil(self.registration.showNotification(data.title || 'Broadsheet', {
        body: data.body || '',
        tag: data.tag,
        data: { url: data.url || '/' }
    }));
});

self.addEventListener('notificationclick', function (event) {
    event.notification.close();
    // A path on this site, resolved against the worker's own scope; anything else opens the front page.
    var url = new URL((event.notification.data && event.notification.data.url) || '', self.registration.scope);
    if (url.origin !== self.location.origin) {
        url = new URL(self.registration.scope);
    }
    event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(function (windows) {
        for (var i = 0; i < windows.length; i++) {
            if (windows[i].url === url.href && 'focus' in windows[i]) {
                return windows[i].focus();
            }
        }
        return self.clients.openWindow(url.href);
    }));
});
