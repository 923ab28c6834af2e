// Service worker of the offline field form (/Field). It keeps the page, its script and style, the data dictionary
// and the screening instruments, so the form opens and works with no connection. Records are never cached here:
// entries live in IndexedDB (js/field.js) until the server has them. Network first, the cache when there is none.
"use strict";
importScripts("/js/field-core.js");
var CACHE = "saphan-field-v1";
var SHELL = ["/Field", "/js/field.js", "/js/field-core.js", "/css/site.css", "/api/v1/standard", "/Field/instruments", "/field.webmanifest", "/field-icon.svg"];

self.addEventListener("install", function (event) {
    event.waitUntil(caches.open(CACHE).then(function (cache) {
        return Promise.all(SHELL.map(function (url) {
            return fetch(url, { credentials: "same-origin", redirect: "manual" }).then(function (response) {
                return response.ok && response.type === "basic" ? cache.put(url, response) : null;
            }).catch(function () { return null; });
        }));
    }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
    event.waitUntil(caches.keys().then(function (keys) {
        return Promise.all(keys.filter(function (k) { return k.indexOf("saphan-field") === 0 && k !== CACHE; }).map(function (k) { return caches.delete(k); }));
    }).then(function () { return self.clients.claim(); }));
});

function shellKey(request) {
    var url = new URL(request.url);
    if (url.origin !== self.location.origin || request.method !== "GET") { return null; }
    var path = url.pathname.replace(/\/$/, "") || "/";
    if (request.mode === "navigate") { return path.toLowerCase() === "/field" ? "/Field" : null; }
    for (var i = 0; i < SHELL.length; i++) {
        if (SHELL[i].toLowerCase() === path.toLowerCase()) { return SHELL[i]; }
    }
    return null;
}

self.addEventListener("fetch", function (event) {
    var key = shellKey(event.request);
    if (!key) { return; } // everything else (the sync above all) goes to the network untouched
    event.respondWith(fetch(event.request).then(function (response) {
        // Only a real answer replaces the kept copy: never a redirect to the sign-in page or an error.
        if (response.ok && response.type === "basic" && !response.redirected) {
            var copy = response.clone();
            caches.open(CACHE).then(function (cache) { return cache.put(key, copy); });
        }
        return response;
    }).catch(function () {
        return caches.open(CACHE).then(function (cache) { return cache.match(key); }).then(function (kept) {
            return kept || Response.error();
        });
    }));
});

// Background Sync (Chromium): the page registers the tag when entries wait; the browser wakes this worker once there is
// a network, also when no page of the form is open. It sends what waits as the page does (one at a time, in order,
// each with its device id, under the same lock as the page). No network after all: the promise fails and the browser
// tries again later. Session ended elsewhere or role removed: the phone is wiped, as the page would.
self.addEventListener("sync", function (event) {
    if (event.tag !== self.SaphanField.SYNC_TAG) { return; }
    event.waitUntil(self.SaphanField.sendWaiting({ session: "/Field/session", sync: "/Field/sync" }).then(function (result) {
        if (result.outcome === "offline") { throw new Error("no network"); }
        var wiping = result.outcome === "revoked" || result.outcome === "not-allowed" || result.outcome === "other-owner";
        return (wiping ? self.SaphanField.wipe() : Promise.resolve()).then(function () {
            return self.clients.matchAll({ type: "window", includeUncontrolled: true });
        }).then(function (pages) {
            // Told only when something changed: a page reading the store after a wipe would make it again.
            var type = wiping && result.outcome !== "other-owner" ? "saphan-field-signed-out" : result.sent > 0 ? "saphan-field-sent" : null;
            pages.forEach(function (page) { if (type) { page.postMessage({ type: type }); } });
        });
    }));
});
