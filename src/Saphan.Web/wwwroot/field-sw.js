// Service worker of the offline field form (/Field). It keeps the page, its script and style, the data dictionary
// and the screening instruments, so the form opens and works with no connection. Records are never cached here:
// entries live in IndexedDB (js/field.js) until the server has them. Network first, the cache when there is none.
"use strict";
var CACHE = "saphan-field-v1";
var SHELL = ["/Field", "/js/field.js", "/css/site.css", "/api/v1/standard", "/Field/instruments", "/field.webmanifest", "/field-icon.svg"];

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
