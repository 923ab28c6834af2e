// The offline field form's store and sender (issue 7), shared by the page (js/field.js) and its service worker
// (field-sw.js, for Background Sync): the IndexedDB store of entries, the wipe, sending what waits, and merging a
// conflict field by field. Works in a window and in a worker (no DOM). See docs/offline.md.
(function (scope) {
    "use strict";
    var DB_NAME = "saphan-field";
    var CACHE_PREFIX = "saphan-field";
    var LOCK = "saphan-field-send";
    var SYNC_TAG = "saphan-field-send";

    // ---- IndexedDB ----------------------------------------------------------------------------------------------
    // Only the page makes the store: the worker sends what the page kept, and must not make an empty store again
    // right after a wipe (a sign-out) while it was waiting for its turn to send.
    var mayCreate = typeof document !== "undefined";

    function openDb() {
        return new Promise(function (resolve, reject) {
            var request = indexedDB.open(DB_NAME, 1);
            request.onupgradeneeded = function (event) {
                if (!mayCreate && event.oldVersion === 0) {
                    request.transaction.abort();
                    return;
                }
                var db = request.result;
                db.createObjectStore("entries", { keyPath: "clientId" });
                db.createObjectStore("meta", { keyPath: "key" });
            };
            request.onsuccess = function () { resolve(request.result); };
            request.onerror = function () {
                var error = new Error("The field store does not exist.");
                error.name = mayCreate ? "StoreError" : "NoStore";
                reject(mayCreate ? request.error : error);
            };
        });
    }

    function tx(store, mode, work) {
        return openDb().then(function (db) {
            return new Promise(function (resolve, reject) {
                var t = db.transaction(store, mode);
                var result;
                Promise.resolve(work(t.objectStore(store))).then(function (r) { result = r; });
                t.oncomplete = function () { db.close(); resolve(result); };
                t.onerror = function () { db.close(); reject(t.error); };
            });
        });
    }

    function req(request) {
        return new Promise(function (resolve, reject) {
            request.onsuccess = function () { resolve(request.result); };
            request.onerror = function () { reject(request.error); };
        });
    }

    function allEntries() {
        return tx("entries", "readonly", function (s) { return req(s.getAll()); }).then(function (list) {
            return (list || []).sort(function (a, b) { return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0; });
        });
    }

    function getEntry(id) { return tx("entries", "readonly", function (s) { return req(s.get(id)); }); }
    function putEntry(entry) { return tx("entries", "readwrite", function (s) { s.put(entry); }); }
    function deleteEntry(id) { return tx("entries", "readwrite", function (s) { s.delete(id); }); }
    function getMeta(key) { return tx("meta", "readonly", function (s) { return req(s.get(key)); }).then(function (m) { return m ? m.value : null; }); }
    function setMeta(key, value) { return tx("meta", "readwrite", function (s) { s.put({ key: key, value: value }); }); }

    // Everything the field form keeps: the entries, the cached page, dictionary and instruments, and the worker.
    function wipe() {
        var jobs = [new Promise(function (resolve) {
            var r = indexedDB.deleteDatabase(DB_NAME);
            r.onsuccess = r.onerror = r.onblocked = function () { resolve(); };
        })];
        if (scope.caches) {
            jobs.push(caches.keys().then(function (keys) {
                return Promise.all(keys.filter(function (k) { return k.indexOf(CACHE_PREFIX) === 0; }).map(function (k) { return caches.delete(k); }));
            }));
        }
        if (scope.registration && scope.registration.unregister) {
            jobs.push(scope.registration.unregister());
        } else if (scope.navigator && navigator.serviceWorker) {
            jobs.push(navigator.serviceWorker.getRegistrations().then(function (regs) {
                return Promise.all(regs.map(function (r) { return r.unregister(); }));
            }));
        }
        return Promise.all(jobs);
    }

    // One sender at a time across the page's tabs and the worker: each reads what waits only once it holds the lock,
    // so the same entry is not sent twice at once (a second delivery would still make nothing, by its id).
    function exclusively(work) {
        if (scope.navigator && navigator.locks && navigator.locks.request) {
            return navigator.locks.request(LOCK, function () { return work(); });
        }
        return work();
    }

    // ---- values and conflicts -----------------------------------------------------------------------------------
    // As the server compares: null, missing, "" and [] all mean "no value".
    function normal(value) {
        if (value === null || value === undefined || value === "") { return ""; }
        if (Array.isArray(value) && value.length === 0) { return ""; }
        return typeof value === "string" ? value : JSON.stringify(value);
    }

    function same(a, b) { return normal(a) === normal(b); }

    function has(f, name) { return Object.prototype.hasOwnProperty.call(f, name) && f[name] !== undefined; }

    // The person must choose when both sides changed a field to different values, or when it is not known who did.
    function needsChoice(f) {
        if (typeof f.needsChoice === "boolean") { return f.needsChoice; }
        return has(f, "yours") && !same(f.yours, f.server) && (!has(f, "base") || f.base === undefined || f.changedOnServer);
    }

    // Without asking: the phone's value when only the phone changed the field, else the server's.
    function defaultChoice(f) {
        return has(f, "yours") && !same(f.yours, f.server) && !f.changedOnServer && !needsChoice(f) ? "mine" : "server";
    }

    function setPath(into, path, value) {
        var parts = path.split(".");
        if (parts.length === 2 && parts[0] === "person") { into.person = into.person || {}; into.person[parts[1]] = value; }
        else if (parts.length === 1) { into[parts[0]] = value; }
    }

    function merge(into, values) {
        var result = JSON.parse(JSON.stringify(into || { person: {} }));
        result.person = result.person || {};
        Object.keys(values.person || {}).forEach(function (k) { result.person[k] = values.person[k]; });
        Object.keys(values).forEach(function (k) { if (k !== "person") { result[k] = values[k]; } });
        return result;
    }

    // The phone's copy of a sent person takes new values, and the case's version when one is given.
    function adopt(intakeId, values, version) {
        if (!intakeId) { return Promise.resolve(); }
        return getEntry(intakeId).then(function (intake) {
            if (!intake) { return null; }
            intake.values = merge(intake.values, values);
            if (version) { intake.result.version = version; }
            var p = intake.values.person || {};
            intake.label = [p.givenName, p.familyName].filter(Boolean).join(" ") || intake.label;
            return putEntry(intake);
        });
    }

    // Settles a conflict with a choice per field ("mine" or "server"; fields not named take defaultChoice). The fields
    // kept as the phone's are sent again on the server's version, with the server's values as their base (the server
    // refuses it once more if the case changed again meanwhile); the rest take the server's values on the phone.
    // Nothing of the phone's left: the change is dropped. Answers "waiting" or "dropped".
    function resolve(entry, choices) {
        var fields = entry.conflict.fields || [];
        var change = {}, base = {}, theirs = {}, any = false;
        fields.forEach(function (f) {
            var choice = (choices && choices[f.field]) || defaultChoice(f);
            if (choice === "mine" && has(f, "yours") && !same(f.yours, f.server)) {
                setPath(change, f.field, f.yours);
                setPath(base, f.field, f.server === undefined ? null : f.server);
                any = true;
            } else if (has(f, "server")) {
                setPath(theirs, f.field, f.server);
            }
        });
        var version = entry.conflict.serverVersion;
        if (!any) {
            return adopt(entry.about, theirs, version).then(function () { return deleteEntry(entry.clientId); }).then(function () { return "dropped"; });
        }
        entry.body["case"] = change;
        entry.body.base = base;
        entry.body.baseVersion = version;
        entry.state = "waiting";
        entry.conflict = null;
        return adopt(entry.about, theirs, null).then(function () { return putEntry(entry); }).then(function () { return "waiting"; });
    }

    // ---- sending --------------------------------------------------------------------------------------------------
    function json(response) { return response.json().catch(function () { return {}; }); }

    // What a 401/403 means: ended elsewhere (401 "revoked") or no longer allowed to enter cases (403 "not-allowed")
    // wipe; merely expired (plain 401) keeps the entries until the same person signs in again.
    function ended(response) {
        var mark = response.headers.get("Saphan-Session");
        if (response.status === 403 && mark === "not-allowed") { return "not-allowed"; }
        if (response.status === 401 && mark === "revoked") { return "revoked"; }
        if (response.status === 401) { return "sign-in"; }
        return null;
    }

    // Sends what waits, one at a time and in order (a screening may name an intake sent just before). Answers
    // { outcome, sent }: outcome "done", "revoked", "not-allowed", "sign-in", "other-owner" (another person signed in
    // on this phone) or "offline" (no network after all: the entries stay waiting). The caller wipes or asks.
    function sendWaiting(paths) {
        return exclusively(function () {
            var sent = 0;
            var outcome = "done";
            return allEntries().then(function (entries) {
                var waiting = entries.filter(function (e) { return e.state === "waiting"; });
                // Asked even with nothing to send: it records whose entries this phone keeps.
                return fetch(paths.session, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
                    .then(function (response) {
                        var end = ended(response);
                        if (end) { outcome = end; return null; }
                        if (!response.ok) { throw new Error("session " + response.status); }
                        return response.json().then(function (session) {
                            return getMeta("owner").then(function (owner) {
                                if (owner && owner !== session.owner) { outcome = "other-owner"; return null; }
                                return setMeta("owner", session.owner).then(function () { return session.token; });
                            });
                        });
                    })
                    .then(function (token) {
                        if (!token || waiting.length === 0) { return null; }
                        return waiting.reduce(function (chain, entry) {
                            return chain.then(function () { return outcome !== "done" ? null : send(entry, token, 0); });
                        }, Promise.resolve());
                    });
            }).then(function () {
                return { outcome: outcome, sent: sent };
            }, function (error) {
                // No store (wiped, or never made on this phone): nothing to send. Otherwise no network after all.
                return { outcome: error && error.name === "NoStore" ? "done" : "offline", sent: sent };
            });

            function send(entry, token, merges) {
                var body = Object.assign({ clientId: entry.clientId }, entry.body);
                return fetch(paths.sync, {
                    method: "POST", credentials: "same-origin", cache: "no-store",
                    headers: { "Content-Type": "application/json", Accept: "application/json", RequestVerificationToken: token },
                    body: JSON.stringify(body),
                }).then(function (response) {
                    var end = ended(response);
                    if (end) { outcome = end; return null; }
                    return json(response).then(function (answer) {
                        if (response.status === 200 || response.status === 201) {
                            sent++;
                            entry.state = "sent";
                            entry.result = { recordId: answer.recordId, caseId: answer.caseId, version: answer.version };
                            entry.errors = null;
                            if (entry.kind === "intake") { entry.values = entry.body["case"]; return putEntry(entry); }
                            if (entry.kind === "edit") {
                                return adopt(entry.about, entry.body["case"], answer.version).then(function () { return deleteEntry(entry.clientId); });
                            }
                            return putEntry(entry);
                        }
                        if (response.status === 409 && answer.type === "field-conflict" && answer.fields) {
                            entry.state = "conflict";
                            entry.conflict = { serverVersion: answer.serverVersion, fields: answer.fields };
                            // No field both sides changed: merged without asking and sent again on the server's version
                            // (a few times at most in a round, should the case keep changing meanwhile).
                            if (merges < 3 && !answer.fields.some(needsChoice)) {
                                return resolve(entry, {}).then(function (state) {
                                    return state === "waiting" ? send(entry, token, merges + 1) : null;
                                });
                            }
                            return putEntry(entry);
                        }
                        if ([400, 403, 404, 409, 413, 415].indexOf(response.status) >= 0) {
                            entry.state = "rejected";
                            var errors = {};
                            Object.keys(answer.errors || {}).forEach(function (k) { errors[k.replace(/^case\./, "")] = answer.errors[k].join(" "); });
                            if (Object.keys(errors).length === 0) { errors[entry.kind] = answer.title || String(response.status); }
                            entry.errors = errors;
                            return putEntry(entry);
                        }
                        throw new Error("sync " + response.status);
                    });
                });
            }
        });
    }

    scope.SaphanField = {
        SYNC_TAG: SYNC_TAG,
        openDb: openDb, tx: tx, req: req, allEntries: allEntries, getEntry: getEntry, putEntry: putEntry, deleteEntry: deleteEntry,
        getMeta: getMeta, setMeta: setMeta, wipe: wipe,
        same: same, needsChoice: needsChoice, defaultChoice: defaultChoice, merge: merge, adopt: adopt, resolve: resolve,
        ended: ended, sendWaiting: sendWaiting,
    };
})(self);
