/*
 * Broadsheet browser notifications. The banner "Stay up to date with notifications" is shown to a signed-in
 * reader whose browser can take push messages and who has not answered (neither allowed nor blocked them, and
 * not said "Not now" in the last 30 days). Nothing is asked when a page loads: only "Yes please" (or "Turn on
 * in this browser" on the notification settings) asks the browser for permission, then subscribes this browser
 * through the service worker (/sw.js) and tells the site. Where the reader allowed them already, the browser's
 * subscription is given to the site again quietly (it may have been lost, or another reader may have signed in
 * here); signing out ends it, so that the next reader of a shared browser gets none of it. Without JavaScript,
 * or without push in the browser, nothing shows.
 */
(function () {
    'use strict';

    var NOT_NOW = 'broadsheet.push.notNowUntil';
    var THIRTY_DAYS = 30 * 24 * 3600 * 1000;
    var banner = document.querySelector('.push-banner');
    if (!banner || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
        return;
    }
    var status = banner.querySelector('.push-banner-status');
    var actions = banner.querySelector('.push-banner-actions');
    var enable = document.querySelector('.push-enable');

    function key(base64url) {
        var base64 = (base64url + '==='.slice((base64url.length + 3) % 4)).replace(/-/g, '+').replace(/_/g, '/');
        var raw = window.atob(base64);
        var bytes = new Uint8Array(raw.length);
        for (var i = 0; i < raw.length; i++) {
            bytes[i] = raw.charCodeAt(i);
        }
        return bytes;
    }

    function token() {
        var field = document.querySelector('.account-links form input[name=_csrf]');
        return field ? field.value : '';
    }

    /** The promise, or a refusal after some seconds: a browser whose push service is out of reach never answers. */
    function within(seconds, promise) {
        return Promise.race([promise, new Promise(function (resolve, reject) {
            window.setTimeout(function () { reject(new Error('No answer from the push service')); }, seconds * 1000);
        })]);
    }

    function registration() {
        return navigator.serviceWorker.register(banner.getAttribute('data-worker'))
            .then(function () { return navigator.serviceWorker.ready; });
    }

    function tellTheSite(subscription) {
        return window.fetch(banner.getAttribute('data-subscribe'), {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': token() },
            body: JSON.stringify(subscription)
        }).then(function (response) {
            if (!response.ok) {
                throw new Error('The site refused the subscription: ' + response.status);
            }
        });
    }

    function subscribe() {
        return registration().then(function (worker) {
            return worker.pushManager.getSubscription().then(function (existing) {
                return existing || within(8, worker.pushManager.subscribe({
                    userVisibleOnly: true,
                    applicationServerKey: key(banner.getAttribute('data-key'))
                }));
            });
        }).then(tellTheSite);
    }

    /** Says how it went where focus can follow: the banner's status, or the settings button's own status. */
    function say(text, where) {
        where.textContent = text;
        where.setAttribute('tabindex', '-1');
        where.focus();
    }

    function ask(where) {
        return Notification.requestPermission().then(function (permission) {
            if (permission !== 'granted') {
                return false;
            }
            return subscribe().then(function () {
                say(banner.getAttribute('data-done'), where);
                return true;
            });
        }).catch(function () {
            say(banner.getAttribute('data-failed'), where);
            return false;
        });
    }

    // Signing out ends this browser's subscription first, so that nothing of this reader reaches the next one.
    var signOut = document.querySelector('.account-links form[action$="/logout"]');
    if (signOut) {
        signOut.addEventListener('submit', function (event) {
            if (signOut.getAttribute('data-unsubscribed') === 'true') {
                return;
            }
            event.preventDefault();
            var done = function () {
                signOut.setAttribute('data-unsubscribed', 'true');
                HTMLFormElement.prototype.submit.call(signOut);
            };
            navigator.serviceWorker.getRegistration().then(function (worker) {
                return worker ? worker.pushManager.getSubscription() : null;
            }).then(function (subscription) {
                return subscription ? subscription.unsubscribe() : null;
            }).then(done, done);
        });
    }

    if (enable && Notification.permission !== 'denied') {
        var enableStatus = document.querySelector('.push-enable-status');
        enable.hidden = false;
        enable.addEventListener('click', function () {
            ask(enableStatus).then(function (subscribed) {
                if (subscribed) {
                    window.setTimeout(function () { window.location.reload(); }, 1500);
                }
            });
        });
    }

    if (Notification.permission === 'granted') {
        // Allowed before: give the site this browser's subscription again, quietly, if there is one.
        navigator.serviceWorker.getRegistration().then(function (worker) {
            return worker ? worker.pushManager.getSubscription() : null;
        }).then(function (subscription) {
            return subscription ? tellTheSite(subscription) : null;
        }).catch(function () {
            // The next page tries again.
        });
        return;
    }
    if (Notification.permission !== 'default') {
        return;
    }
    try {
        if (Date.now() < Number(window.localStorage.getItem(NOT_NOW) || 0)) {
            return;
        }
    } catch (e) {
        // No storage (a private window): ask again on the next page.
    }
    banner.hidden = false;

    function leave() {
        banner.hidden = true;
        var main = document.getElementById('main');
        if (main) {
            main.setAttribute('tabindex', '-1');
            main.focus();
        }
    }

    banner.querySelector('[data-push=no]').addEventListener('click', function () {
        try {
            window.localStorage.setItem(NOT_NOW, String(Date.now() + THIRTY_DAYS));
        } catch (e) {
            // As above: the banner comes back on the next page.
        }
        leave();
    });

    banner.querySelector('[data-push=yes]').addEventListener('click', function () {
        ask(status).then(function (subscribed) {
            actions.hidden = true;
            if (subscribed) {
                window.setTimeout(leave, 6000);
            } else if (Notification.permission !== 'granted') {
                leave();
            }
        });
    });
})();
