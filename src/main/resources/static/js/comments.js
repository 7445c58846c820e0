/*
 * Broadsheet comments: everything here only enhances pages that work without it. Replies open under the comment,
 * comments and replies are posted in place, recommendations and follows toggle in place, and further pages of
 * threads and the rest of a thread load in place. When anything goes wrong the browser does what it would have done anyway:
 * it submits the form or follows the link, and the server answers with a full page.
 */
(function () {
    'use strict';

    function newKey() {
        if (window.crypto && window.crypto.randomUUID) {
            return window.crypto.randomUUID();
        }
        return String(Date.now()) + '-' + Math.random().toString(36).slice(2);
    }

    function parse(html) {
        return new DOMParser().parseFromString(html, 'text/html');
    }

    function fragment(html) {
        var template = document.createElement('template');
        template.innerHTML = html.trim();
        return template.content.firstElementChild;
    }

    function announce(text) {
        var region = document.getElementById('comment-status');
        if (!region) {
            region = document.createElement('p');
            region.id = 'comment-status';
            region.className = 'visually-hidden';
            region.setAttribute('role', 'status');
            document.body.appendChild(region);
        }
        region.textContent = '';
        window.setTimeout(function () { region.textContent = text; }, 50);
    }

    function submitNatively(form) {
        HTMLFormElement.prototype.submit.call(form);
    }

    function bumpCount(by) {
        var count = document.querySelector('#comments-heading .count');
        if (!count) {
            return;
        }
        var number = parseInt(count.textContent.replace(/[^0-9]/g, ''), 10) || 0;
        count.textContent = '(' + (number + by) + ')';
    }

    function levelOf(item) {
        var match = /(?:^|\s)level-(\d)(?:\s|$)/.exec(item.className);
        return match ? parseInt(match[1], 10) : 1;
    }

    function setLevel(item, level) {
        item.className = item.className.replace(/(?:^|\s)level-\d/, '') + ' level-' + level;
    }

    /* A new comment's HTML goes where a page load would have put it. */
    function place(item, parentId) {
        if (!parentId) {
            var list = document.querySelector('.discussion .thread-list');
            if (!list) {
                list = document.createElement('ol');
                list.className = 'thread-list';
                var area = document.querySelector('.discussion .comment-box-area');
                area.parentNode.insertBefore(list, area.nextSibling);
            }
            var thread = document.createElement('li');
            thread.className = 'thread';
            thread.id = 'thread-' + item.id.replace('comment-', '');
            var tree = document.createElement('ol');
            tree.className = 'comment-tree';
            tree.appendChild(item);
            thread.appendChild(tree);
            list.insertBefore(thread, list.firstChild);
            return;
        }
        var parent = document.getElementById('comment-' + parentId);
        if (!parent) {
            return;
        }
        var level = levelOf(parent);
        var holder = parent;
        if (level >= 3) {
            // Too deep to indent further: beside its parent, as a page load shows it.
            holder = parent.parentNode.closest('li.comment') || parent;
        }
        setLevel(item, Math.min(level + 1, 3));
        var replies = holder.querySelector(':scope > ol.replies');
        if (!replies) {
            replies = document.createElement('ol');
            replies.className = 'replies';
            holder.appendChild(replies);
        }
        replies.appendChild(item);
    }

    function postInPlace(form, event) {
        if (!window.fetch || !window.FormData) {
            return;
        }
        event.preventDefault();
        var button = form.querySelector('button[type=submit]');
        if (button.disabled) {
            return; // a second click while the first is on its way
        }
        button.disabled = true;
        var data = new FormData(form);
        var parentId = data.get('parentId');
        fetch(form.action, {
            method: 'POST', body: new URLSearchParams(data), credentials: 'same-origin',
            headers: { 'X-Requested-With': 'fetch', 'X-Comment-In-Place': '1' }
        }).then(function (response) {
            if (response.status !== 201) {
                throw new Error('status ' + response.status);
            }
            return response.text();
        }).then(function (html) {
            var item = fragment(html);
            item.classList.add('just-posted');
            place(item, parentId);
            bumpCount(1);
            if (form.classList.contains('reply-box')) {
                form.parentNode.removeChild(form);
            } else {
                form.querySelector('textarea').value = '';
                form.querySelector('input[name=key]').value = newKey();
                button.disabled = false;
            }
            var link = item.querySelector('.comment-time');
            if (link) {
                link.focus();
            }
            announce(form.getAttribute('data-posted') || 'Posted.');
        }).catch(function () {
            // Let the server show what went wrong, with the text kept; the key makes a repeat harmless.
            submitNatively(form);
        });
    }

    function openReply(link, event) {
        var main = document.getElementById('comment-form');
        if (!main || main.tagName !== 'FORM') {
            return; // signed out: the link leads to sign-in
        }
        event.preventDefault();
        var id = link.getAttribute('data-reply-to');
        var comment = document.getElementById('comment-' + id);
        var existing = comment.querySelector(':scope > .reply-box');
        if (existing) {
            existing.querySelector('textarea').focus();
            return;
        }
        var form = main.cloneNode(true);
        form.removeAttribute('id');
        form.classList.add('reply-box');
        form.querySelector('input[name=key]').value = newKey();
        var parent = document.createElement('input');
        parent.type = 'hidden';
        parent.name = 'parentId';
        parent.value = id;
        form.appendChild(parent);
        var fieldId = 'reply-text-' + id;
        var textarea = form.querySelector('textarea');
        textarea.value = '';
        textarea.id = fieldId;
        form.querySelector('label').setAttribute('for', fieldId);
        var hint = form.querySelector('.hint');
        if (hint) {
            hint.id = fieldId + '-hint';
            textarea.setAttribute('aria-describedby', hint.id);
        }
        var error = form.querySelector('.error');
        if (error) {
            error.parentNode.removeChild(error);
            textarea.removeAttribute('aria-invalid');
        }
        var label = form.querySelector('label');
        var name = link.getAttribute('data-reply-name');
        label.textContent = name
            ? (main.getAttribute('data-replying-to') || 'Replying to {name}').replace('{name}', name)
            : (main.getAttribute('data-reply-label') || 'Your reply');
        var button = form.querySelector('button[type=submit]');
        button.textContent = main.getAttribute('data-reply-button') || 'Post reply';
        var cancel = document.createElement('button');
        cancel.type = 'button';
        cancel.className = 'button-secondary';
        cancel.textContent = main.getAttribute('data-cancel') || 'Cancel';
        cancel.addEventListener('click', function () {
            form.parentNode.removeChild(form);
            link.focus();
        });
        // Escape closes the reply box as Cancel does, back on the Reply link.
        form.addEventListener('keydown', function (keyEvent) {
            if (keyEvent.key === 'Escape' && form.parentNode) {
                keyEvent.preventDefault();
                cancel.click();
            }
        });
        // Cancel sits beside Post reply, in one row.
        var actions = document.createElement('div');
        actions.className = 'reply-actions';
        button.parentNode.insertBefore(actions, button);
        actions.appendChild(button);
        actions.appendChild(cancel);
        var body = comment.querySelector(':scope > .comment-body');
        body.parentNode.insertBefore(form, body.nextSibling);
        textarea.focus();
    }

    /* What pressing the button would have done without the script: the form, sent to the button's address. */
    function submitAs(form, button) {
        form.action = button.formAction;
        var back = document.createElement('input');
        back.type = 'hidden';
        back.name = button.name;
        back.value = button.value;
        form.appendChild(back);
        submitNatively(form);
    }

    /* A comment's Recommend button belongs to the page's one form (form="comment-actions"). */
    function recommendInPlace(form, button, event) {
        if (!window.fetch || !window.FormData) {
            return;
        }
        event.preventDefault();
        if (button.getAttribute('aria-busy') === 'true') {
            return;
        }
        // Busy rather than disabled, so that keyboard focus stays on the button.
        button.setAttribute('aria-busy', 'true');
        fetch(button.formAction, {
            method: 'POST', body: new URLSearchParams(new FormData(form, button)), credentials: 'same-origin',
            headers: { 'Accept': 'application/json', 'X-Requested-With': 'fetch' }
        }).then(function (response) {
            if (!response.ok) {
                throw new Error('status ' + response.status);
            }
            return response.json();
        }).then(function (result) {
            button.setAttribute('aria-pressed', result.recommended ? 'true' : 'false');
            var label = button.querySelector('span');
            label.textContent = result.recommended ? (button.getAttribute('data-recommended') || 'Recommended')
                : (button.getAttribute('data-recommend') || 'Recommend');
            button.querySelector('.recommend-count').textContent = result.count;
            button.removeAttribute('aria-busy');
        }).catch(function () {
            button.removeAttribute('aria-busy');
            submitAs(form, button);
        });
    }

    /*
     * Following a comment's author, or the story, in place: every button of the same group on the page (each of
     * that reader's comments) changes with it, and the notice is announced. On failure, the plain form.
     */
    function followInPlace(form, button, event) {
        if (!window.fetch || !window.FormData) {
            return;
        }
        event.preventDefault();
        if (button.getAttribute('aria-busy') === 'true') {
            return;
        }
        button.setAttribute('aria-busy', 'true');
        fetch(button.formAction, {
            method: 'POST', body: new URLSearchParams(new FormData(form, button)), credentials: 'same-origin',
            headers: { 'Accept': 'application/json', 'X-Requested-With': 'fetch' }
        }).then(function (response) {
            return response.json().then(function (result) {
                return { ok: response.ok, result: result };
            });
        }).then(function (answer) {
            button.removeAttribute('aria-busy');
            if (!answer.ok) {
                announce(answer.result.error);
                return;
            }
            var state = answer.result.following ? 'on' : 'off';
            document.querySelectorAll('.follow-toggle[data-group="' + button.getAttribute('data-group') + '"]')
                .forEach(function (other) {
                    other.setAttribute('data-following', String(answer.result.following));
                    other.textContent = other.getAttribute('data-' + state + '-label');
                    other.setAttribute('formaction', other.getAttribute('data-' + state + '-action'));
                    var hint = other.nextElementSibling;
                    if (hint && hint.classList.contains('hint') && other.hasAttribute('data-' + state + '-hint')) {
                        hint.textContent = other.getAttribute('data-' + state + '-hint');
                    }
                });
            announce(answer.result.notice);
        }).catch(function () {
            button.removeAttribute('aria-busy');
            submitAs(form, button);
        });
    }

    function loadMoreThreads(link, event) {
        if (!window.fetch) {
            return;
        }
        event.preventDefault();
        fetch(link.href, { credentials: 'same-origin' }).then(function (response) {
            if (!response.ok) {
                throw new Error('status ' + response.status);
            }
            return response.text();
        }).then(function (html) {
            var page = parse(html);
            var list = document.querySelector('.discussion .thread-list');
            var added = page.querySelectorAll('.discussion .thread-list > li.thread');
            var first = null;
            added.forEach(function (thread) {
                if (!document.getElementById(thread.id)) {
                    var node = document.importNode(thread, true);
                    list.appendChild(node);
                    first = first || node;
                }
            });
            var nav = link.closest('nav');
            var next = page.querySelector('.discussion .comment-pages');
            if (next) {
                nav.parentNode.replaceChild(document.importNode(next, true), nav);
            } else {
                nav.parentNode.removeChild(nav);
            }
            if (first) {
                var target = first.querySelector('.comment-time');
                if (target) {
                    target.focus();
                }
            }
        }).catch(function () {
            window.location.href = link.href;
        });
    }

    function loadWholeThread(link, event) {
        if (!window.fetch) {
            return;
        }
        event.preventDefault();
        var id = link.getAttribute('data-thread');
        fetch(link.href, { credentials: 'same-origin' }).then(function (response) {
            if (!response.ok) {
                throw new Error('status ' + response.status);
            }
            return response.text();
        }).then(function (html) {
            var whole = parse(html).getElementById('thread-' + id);
            var current = document.getElementById('thread-' + id);
            if (!whole || !current) {
                throw new Error('thread missing');
            }
            var node = document.importNode(whole, true);
            node.querySelectorAll('.highlighted').forEach(function (el) { el.classList.remove('highlighted'); });
            current.parentNode.replaceChild(node, current);
            var replies = node.querySelectorAll('li.comment');
            if (replies.length > 1) {
                var target = replies[1].querySelector('.comment-time');
                if (target) {
                    target.focus();
                }
            }
        }).catch(function () {
            window.location.href = link.href;
        });
    }

    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (form.classList.contains('comment-box') && form.closest('.discussion')) {
            postInPlace(form, event);
        } else if (form.id === 'comment-actions' && event.submitter
                && event.submitter.classList.contains('recommend')) {
            recommendInPlace(form, event.submitter, event);
        } else if (form.id === 'comment-actions' && event.submitter
                && event.submitter.classList.contains('follow-toggle')) {
            followInPlace(form, event.submitter, event);
        }
    });

    document.addEventListener('click', function (event) {
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
            return;
        }
        var link = event.target.closest('a');
        if (!link) {
            return;
        }
        if (link.classList.contains('reply-link') && link.closest('.discussion')) {
            openReply(link, event);
        } else if (link.classList.contains('more-comments')) {
            loadMoreThreads(link, event);
        } else if (link.hasAttribute('data-thread') && link.closest('.discussion')) {
            loadWholeThread(link, event);
        }
    });
}());
