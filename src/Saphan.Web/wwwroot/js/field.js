// Offline field form (issue 7). Entries are kept in IndexedDB until the server has them; each carries a UUID made
// here, so a resend (dropped answer, retry, double tap) makes nothing new on the server. See docs/offline.md.
(function () {
    "use strict";
    var root = document.getElementById("field");
    if (!root) { return; }
    var TEXT = JSON.parse(document.getElementById("field-text").textContent);
    var thai = document.documentElement.lang === "th";
    var DB_NAME = "saphan-field";
    var CACHE_PREFIX = "saphan-field";
    var syncing = false;
    var dictionary = null;
    var instruments = [];
    var editing = null; // the sent intake entry being changed

    // The intake form: the dictionary's person and case fields a field worker fills in, in this order.
    var INTAKE = ["person.givenName", "person.familyName", "person.birthDate", "person.estimatedAge", "person.gender",
        "person.citizenship", "person.phone", "case.identifiedOn", "case.identificationRoute", "case.province"];
    var COMMON_CITIZENSHIPS = ["TH", "MM", "KH", "LA", "VN", "CN", "stateless"];

    // ---- IndexedDB ----------------------------------------------------------------------------------------------
    function openDb() {
        return new Promise(function (resolve, reject) {
            var request = indexedDB.open(DB_NAME, 1);
            request.onupgradeneeded = function () {
                var db = request.result;
                db.createObjectStore("entries", { keyPath: "clientId" });
                db.createObjectStore("meta", { keyPath: "key" });
            };
            request.onsuccess = function () { resolve(request.result); };
            request.onerror = function () { reject(request.error); };
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

    function putEntry(entry) { return tx("entries", "readwrite", function (s) { s.put(entry); }); }
    function deleteEntry(id) { return tx("entries", "readwrite", function (s) { s.delete(id); }); }
    function getMeta(key) { return tx("meta", "readonly", function (s) { return req(s.get(key)); }).then(function (m) { return m ? m.value : null; }); }
    function setMeta(key, value) { return tx("meta", "readwrite", function (s) { s.put({ key: key, value: value }); }); }

    // Everything this page keeps: the entries and the cached page, dictionary and instruments.
    function wipe() {
        var jobs = [new Promise(function (resolve) {
            var r = indexedDB.deleteDatabase(DB_NAME);
            r.onsuccess = r.onerror = r.onblocked = function () { resolve(); };
        })];
        if (window.caches) {
            jobs.push(caches.keys().then(function (keys) {
                return Promise.all(keys.filter(function (k) { return k.indexOf(CACHE_PREFIX) === 0; }).map(function (k) { return caches.delete(k); }));
            }));
        }
        if (navigator.serviceWorker) {
            jobs.push(navigator.serviceWorker.getRegistrations().then(function (regs) {
                return Promise.all(regs.map(function (r) { return r.unregister(); }));
            }));
        }
        return Promise.all(jobs);
    }

    function uuid() {
        if (crypto.randomUUID) { return crypto.randomUUID(); }
        var b = crypto.getRandomValues(new Uint8Array(16));
        b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
        var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
        return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
    }

    // ---- small DOM helpers ----------------------------------------------------------------------------------------
    function el(tag, attrs, children) {
        var e = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (k) {
            if (k === "text") { e.textContent = attrs[k]; }
            else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) { e.setAttribute(k, attrs[k] === true ? "" : attrs[k]); }
        });
        (children || []).forEach(function (c) { if (c) { e.appendChild(c); } });
        return e;
    }

    function label(text) { return text ? (thai ? text.th || text.en : text.en) : ""; }
    function say(message) {
        var box = document.getElementById("field-message");
        box.textContent = message;
        box.hidden = !message;
    }

    function showStatus() {
        var status = document.getElementById("field-status");
        status.textContent = navigator.onLine ? TEXT.online : TEXT.offline;
        status.className = "field-status " + (navigator.onLine ? "is-online" : "is-offline");
    }

    // ---- the forms, from the dictionary -------------------------------------------------------------------------
    function fieldsByCode() {
        var map = {};
        dictionary.sections.forEach(function (section) {
            section.fields.forEach(function (f) { map[f.code] = f; });
        });
        return map;
    }

    function inputFor(field) {
        var id = "f-" + field.code.replace(".", "-");
        var attrs = { id: id, name: field.code };
        var control;
        if (field.values) {
            control = el("select", attrs);
            if (field.multiple) { control.multiple = true; control.size = 4; }
            else { control.appendChild(el("option", { value: "", text: TEXT.choose })); }
            // The nationalities met most in Thai field work first, then the rest in the dictionary's order.
            var first = field.code === "person.citizenship" ? COMMON_CITIZENSHIPS : [];
            var ordered = first.map(function (code) { return field.values.filter(function (v) { return v.code === code; })[0]; }).filter(Boolean)
                .concat(field.values.filter(function (v) { return first.indexOf(v.code) < 0; }));
            ordered.forEach(function (v) { control.appendChild(el("option", { value: v.code, text: label(v.label) })); });
        } else if (field.type === "date") {
            control = el("input", Object.assign(attrs, { type: "date" }));
        } else if (field.type === "integer" || field.type === "number") {
            control = el("input", Object.assign(attrs, { type: "number", inputmode: "numeric", min: field.minimum, max: field.maximum }));
        } else {
            control = el("input", Object.assign(attrs, { type: field.code === "person.phone" ? "tel" : "text", maxlength: field.maxLength, autocomplete: "off" }));
        }
        if (field.required) { control.required = true; }
        var wrap = el("div", { "class": "field-row", "data-field": field.code }, [
            el("label", { "for": id }, [document.createTextNode(label(field.label) + " "), field.required ? el("span", { "class": "req", text: "*" }) : null]),
            control,
            field.help && label(field.help) ? el("span", { "class": "hint", text: label(field.help) }) : null,
            el("span", { "class": "field-error", "data-error-for": field.code }),
        ]);
        return wrap;
    }

    function buildIntake() {
        var map = fieldsByCode();
        var box = document.getElementById("intake-fields");
        box.innerHTML = "";
        INTAKE.forEach(function (code) { if (map[code]) { box.appendChild(inputFor(map[code])); } });
        resetIntake();
    }

    function resetIntake() {
        var form = document.getElementById("intake");
        form.reset();
        var day = form.querySelector("[name='case.identifiedOn']");
        if (day) { day.value = new Date().toISOString().slice(0, 10); }
        editing = null;
        document.getElementById("intake-editing").hidden = true;
        document.getElementById("cancel-edit").hidden = true;
        document.getElementById("intake-title").textContent = TEXT.intake;
        clearErrors(form);
    }

    function readIntake(form) {
        var map = fieldsByCode();
        var body = { person: {} };
        var errors = {};
        INTAKE.forEach(function (code) {
            var control = form.querySelector("[name='" + code + "']");
            if (!control) { return; }
            var field = map[code];
            var value;
            if (control.multiple) {
                value = Array.prototype.filter.call(control.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
            } else {
                value = control.value.trim();
            }
            var empty = Array.isArray(value) ? value.length === 0 : value === "";
            if (field.required && empty) { errors[code] = TEXT.required; }
            if (!empty && field.maxLength && typeof value === "string" && value.length > field.maxLength) { errors[code] = TEXT.tooLong; }
            if (!empty && control.type === "number") {
                value = Number(value);
                if (!Number.isInteger(value) || (field.minimum !== null && value < field.minimum) || (field.maximum !== null && value > field.maximum)) { errors[code] = TEXT.outOfRange; }
            }
            if (!empty && control.type === "date" && !field.allowsFuture && value > new Date().toISOString().slice(0, 10)) { errors[code] = TEXT.inFuture; }
            var name = code.split(".")[1];
            var target = code.indexOf("person.") === 0 ? body.person : body;
            target[name] = empty ? (Array.isArray(value) ? [] : null) : value;
        });
        body.status = "active";
        return { body: body, errors: errors };
    }

    function fillIntake(form, body) {
        INTAKE.forEach(function (code) {
            var control = form.querySelector("[name='" + code + "']");
            if (!control) { return; }
            var name = code.split(".")[1];
            var value = code.indexOf("person.") === 0 ? (body.person || {})[name] : body[name];
            if (control.multiple) {
                Array.prototype.forEach.call(control.options, function (o) { o.selected = (value || []).indexOf(o.value) >= 0; });
            } else {
                control.value = value === null || value === undefined ? "" : String(value);
            }
        });
    }

    function clearErrors(form) {
        form.querySelectorAll(".field-error").forEach(function (e) { e.textContent = ""; });
    }

    function showErrors(form, errors) {
        clearErrors(form);
        Object.keys(errors).forEach(function (code) {
            var slot = form.querySelector("[data-error-for='" + code + "']");
            if (slot) { slot.textContent = errors[code]; }
        });
    }

    function describe(entry) {
        return entry.label || entry.kind;
    }

    // Changed fields of an edit, and the values the phone knew before it.
    function difference(before, after) {
        var changed = { person: {} }, base = { person: {} }, any = false;
        Object.keys(after.person).forEach(function (k) {
            if (JSON.stringify(after.person[k]) !== JSON.stringify((before.person || {})[k])) {
                changed.person[k] = after.person[k]; base.person[k] = (before.person || {})[k] === undefined ? null : before.person[k]; any = true;
            }
        });
        Object.keys(after).forEach(function (k) {
            if (k !== "person" && JSON.stringify(after[k]) !== JSON.stringify(before[k])) { changed[k] = after[k]; base[k] = before[k] === undefined ? null : before[k]; any = true; }
        });
        if (Object.keys(changed.person).length === 0) { delete changed.person; delete base.person; }
        return any ? { changed: changed, base: base } : null;
    }

    function personName(body) {
        var p = body.person || {};
        return [p.givenName, p.familyName].filter(Boolean).join(" ");
    }

    // A double tap on Save must not make two entries (two people): one save at a time, and the form is empty after it.
    var saving = false;

    function saveIntake(event) {
        event.preventDefault();
        if (saving) { return; }
        var form = event.target;
        var read = readIntake(form);
        if (Object.keys(read.errors).length > 0) { showErrors(form, read.errors); return; }
        var now = new Date().toISOString();
        var job;
        if (editing && editing.state === "sent") {
            var diff = difference(editing.values, read.body);
            if (!diff) { resetIntake(); return; }
            job = putEntry({
                clientId: uuid(), kind: "edit", state: "waiting", createdAt: now, label: personName(read.body), about: editing.clientId,
                body: { kind: "edit", caseId: editing.result.caseId, baseVersion: editing.result.version, "case": diff.changed, base: diff.base },
            });
        } else if (editing) {
            editing.body["case"] = read.body; editing.label = personName(read.body); editing.state = "waiting"; editing.errors = null;
            job = putEntry(editing);
        } else {
            job = putEntry({ clientId: uuid(), kind: "intake", state: "waiting", createdAt: now, label: personName(read.body), body: { kind: "intake", "case": read.body } });
        }
        saving = true;
        job.then(function () {
            saving = false;
            resetIntake();
            say(TEXT.saved);
            window.scrollTo(0, 0); // the message and the list with the new entry
            return render();
        }, function () { saving = false; }).then(syncSoon);
    }

    // ---- screening --------------------------------------------------------------------------------------------
    function buildScreening(entries) {
        var person = document.getElementById("screening-person");
        var chosen = person.value;
        person.innerHTML = "";
        person.appendChild(el("option", { value: "", text: TEXT.choose }));
        entries.filter(function (e) { return e.kind === "intake" && e.state !== "rejected"; }).forEach(function (e) {
            person.appendChild(el("option", { value: e.clientId, text: describe(e) }));
        });
        person.value = chosen;
        var instrument = document.getElementById("screening-instrument");
        if (instrument.options.length === 0) {
            instrument.appendChild(el("option", { value: "", text: TEXT.choose }));
            instruments.forEach(function (i) { instrument.appendChild(el("option", { value: i.code, text: thai ? i.thai : i.english })); });
        }
    }

    function showItems() {
        var code = document.getElementById("screening-instrument").value;
        var box = document.getElementById("screening-items");
        box.innerHTML = "";
        var instrument = instruments.filter(function (i) { return i.code === code; })[0];
        if (!instrument) { return; }
        instrument.items.forEach(function (item, index) {
            var options = el("div", { "class": "options" });
            instrument.options.forEach(function (o) {
                options.appendChild(el("label", { "class": "check" }, [
                    el("input", { type: "radio", name: "answer-" + index, value: String(o.value) }),
                    document.createTextNode(" " + (thai ? o.thai : o.english)),
                ]));
            });
            box.appendChild(el("fieldset", { "class": "item" }, [
                el("legend", { text: (index + 1) + ". " + (thai ? item.thai : item.english) }),
                options,
                el("span", { "class": "field-error", "data-error-for": "answers[" + index + "]" }),
            ]));
        });
    }

    function saveScreening(event) {
        event.preventDefault();
        if (saving) { return; }
        var form = event.target;
        var errors = {};
        var about = document.getElementById("screening-person").value;
        var code = document.getElementById("screening-instrument").value;
        var instrument = instruments.filter(function (i) { return i.code === code; })[0];
        if (!about) { errors.person = TEXT.required; }
        if (!instrument) { errors.person = errors.person || ""; }
        var answers = [];
        if (instrument) {
            instrument.items.forEach(function (item, index) {
                var picked = form.querySelector("input[name='answer-" + index + "']:checked");
                if (!picked) { errors["answers[" + index + "]"] = TEXT.required; }
                answers.push(picked ? Number(picked.value) : null);
            });
        }
        if (Object.keys(errors).length > 0 || !instrument) { showErrors(form, errors); return; }
        saving = true;
        tx("entries", "readonly", function (s) { return req(s.get(about)); }).then(function (intake) {
            var body = { kind: "screening", screening: { instrument: code, answers: answers } };
            if (intake && intake.result) { body.caseId = intake.result.caseId; } else { body.caseClientId = about; }
            return putEntry({ clientId: uuid(), kind: "screening", state: "waiting", createdAt: new Date().toISOString(),
                label: (intake ? describe(intake) : "") + " · " + code, body: body });
        }).then(function () {
            saving = false;
            form.reset();
            document.getElementById("screening-items").innerHTML = "";
            clearErrors(form);
            say(TEXT.saved);
            window.scrollTo(0, 0); // the message and the list with the new entry
            return render();
        }, function () { saving = false; }).then(syncSoon);
    }

    // ---- the lists ----------------------------------------------------------------------------------------------
    function kindText(kind) { return kind === "intake" ? TEXT.intake : kind === "screening" ? TEXT.screening : TEXT.editKind; }

    function render() {
        return allEntries().then(function (entries) {
            var waiting = entries.filter(function (e) { return e.state === "waiting" || e.state === "rejected"; });
            var sent = entries.filter(function (e) { return e.state === "sent"; });
            var conflicts = entries.filter(function (e) { return e.state === "conflict"; });
            document.getElementById("waiting-count").textContent = String(waiting.length + conflicts.length);
            document.getElementById("sent-count").textContent = String(sent.length);
            var list = document.getElementById("waiting-list");
            list.innerHTML = "";
            if (waiting.length === 0 && conflicts.length === 0) { list.appendChild(el("li", { "class": "muted", text: TEXT.nothingWaiting })); }
            waiting.forEach(function (e) {
                var errors = e.errors ? Object.keys(e.errors).map(function (k) { return k + ": " + e.errors[k]; }).join(" · ") : "";
                list.appendChild(el("li", { "class": "field-entry " + e.state, "data-client-id": e.clientId, "data-state": e.state }, [
                    el("span", { "class": "pill", text: e.state === "rejected" ? TEXT.rejected : TEXT.waiting }),
                    el("span", { "class": "field-entry-kind", text: kindText(e.kind) }),
                    el("strong", { text: describe(e) }),
                    errors ? el("span", { "class": "field-error", text: errors }) : null,
                    e.kind === "intake" ? el("button", { type: "button", "class": "secondary small", "data-edit": e.clientId, text: TEXT.edit }) : null,
                    e.state === "rejected" ? el("button", { type: "button", "class": "secondary small", "data-delete": e.clientId, text: TEXT["delete"] }) : null,
                ]));
            });
            var sentList = document.getElementById("sent-list");
            sentList.innerHTML = "";
            sent.forEach(function (e) {
                sentList.appendChild(el("li", { "class": "field-entry sent", "data-client-id": e.clientId, "data-state": "sent" }, [
                    el("span", { "class": "pill pill-ok", text: TEXT.sent }),
                    el("span", { "class": "field-entry-kind", text: kindText(e.kind) }),
                    el("strong", { text: describe(e) }),
                    e.kind === "intake" ? el("button", { type: "button", "class": "secondary small", "data-edit": e.clientId, text: TEXT.edit }) : null,
                ]));
            });
            renderConflicts(conflicts);
            buildScreening(entries);
        });
    }

    function show(value) {
        if (value === null || value === undefined || value === "") { return "–"; }
        return Array.isArray(value) ? value.join(", ") : String(value);
    }

    // The dictionary's label of a field path of the case API (person.phone, province), else the path itself.
    function fieldLabel(path) {
        if (!dictionary) { return path; }
        var map = fieldsByCode();
        var field = map[path] || map["case." + path];
        return field ? label(field.label) : path;
    }

    function renderConflicts(conflicts) {
        var box = document.getElementById("conflicts");
        box.innerHTML = "";
        conflicts.forEach(function (e) {
            var rows = (e.conflict.fields || []).map(function (f) {
                return el("tr", { "class": f.changedOnServer ? "changed" : "" }, [
                    el("th", { scope: "row", text: fieldLabel(f.field) }),
                    el("td", { text: show(f.yours) }),
                    el("td", { text: show(f.server) }),
                ]);
            });
            box.appendChild(el("div", { "class": "field-conflict", role: "alert", "data-client-id": e.clientId }, [
                el("p", {}, [el("span", { "class": "pill pill-warn", text: TEXT.conflict }), document.createTextNode(" " + describe(e))]),
                el("table", { "class": "field-conflict-table" }, [
                    el("thead", {}, [el("tr", {}, [el("th", { text: TEXT.field }), el("th", { text: TEXT.yours }), el("th", { text: TEXT.server })])]),
                    el("tbody", {}, rows),
                ]),
                el("button", { type: "button", "class": "primary small", "data-keep-mine": e.clientId, text: TEXT.keepMine }),
                el("button", { type: "button", "class": "secondary small", "data-keep-server": e.clientId, text: TEXT.keepServer }),
            ]));
        });
    }

    // Server values of the conflict as the phone's record of the person, for the next edit to start from.
    function serverValues(fields) {
        var values = { person: {} };
        fields.forEach(function (f) {
            var parts = f.field.split(".");
            if (parts.length === 2 && parts[0] === "person") { values.person[parts[1]] = f.server; }
            else if (parts.length === 1) { values[parts[0]] = f.server; }
        });
        return values;
    }

    function merge(into, values) {
        var result = JSON.parse(JSON.stringify(into || { person: {} }));
        result.person = result.person || {};
        Object.keys(values.person || {}).forEach(function (k) { result.person[k] = values.person[k]; });
        Object.keys(values).forEach(function (k) { if (k !== "person") { result[k] = values[k]; } });
        return result;
    }

    function onListClick(event) {
        var target = event.target;
        var id;
        if ((id = target.getAttribute("data-edit"))) {
            tx("entries", "readonly", function (s) { return req(s.get(id)); }).then(function (entry) {
                if (!entry) { return; }
                selectTab("intake");
                var form = document.getElementById("intake");
                resetIntake();
                editing = entry;
                fillIntake(form, entry.state === "sent" ? entry.values : entry.body["case"]);
                document.getElementById("intake-editing").hidden = entry.state !== "sent";
                document.getElementById("cancel-edit").hidden = false;
                document.getElementById("intake-title").textContent = TEXT.editKind + ": " + describe(entry);
                form.scrollIntoView();
            });
        } else if ((id = target.getAttribute("data-delete"))) {
            deleteEntry(id).then(render);
        } else if ((id = target.getAttribute("data-keep-mine"))) {
            // Send the same change again, now based on the server's version: the person chose it over the server's.
            tx("entries", "readonly", function (s) { return req(s.get(id)); }).then(function (entry) {
                entry.body.baseVersion = entry.conflict.serverVersion;
                entry.body.base = merge(entry.body.base, serverValues(entry.conflict.fields));
                entry.state = "waiting";
                entry.conflict = null;
                return putEntry(entry);
            }).then(render).then(syncSoon);
        } else if ((id = target.getAttribute("data-keep-server"))) {
            tx("entries", "readonly", function (s) { return req(s.get(id)); }).then(function (entry) {
                return adopt(entry.about, serverValues(entry.conflict.fields), entry.conflict.serverVersion).then(function () { return deleteEntry(id); });
            }).then(function () { say(TEXT.dropped); return render(); });
        }
    }

    // The phone's copy of a sent person takes new values and version (after an edit was sent, or the server's kept).
    function adopt(intakeId, values, version) {
        if (!intakeId) { return Promise.resolve(); }
        return tx("entries", "readonly", function (s) { return req(s.get(intakeId)); }).then(function (intake) {
            if (!intake) { return null; }
            intake.values = merge(intake.values, values);
            intake.result.version = version;
            intake.label = personName(intake.values) || intake.label;
            return putEntry(intake);
        });
    }

    // ---- sending --------------------------------------------------------------------------------------------------
    function problem(response) {
        return response.json().catch(function () { return {}; });
    }

    // What a 401/403 means. Ended elsewhere (401 "revoked") or no longer allowed to enter cases (403 "not-allowed"):
    // wipe. Merely expired (a long day offline): keep the entries and ask to sign in again; the owner check then sends
    // them only for the same person. Any other 403 refuses one entry, which stays on the phone marked as refused.
    function ended(response) {
        var mark = response.headers.get("Saphan-Session");
        if ((response.status === 403 && mark === "not-allowed") || (response.status === 401 && mark === "revoked")) { return signedOut; }
        if (response.status === 401) { return signInAgain; }
        return null;
    }

    function signInAgain() {
        say(TEXT.signInAgain);
        document.getElementById("sign-in-again").hidden = false;
        return Promise.resolve();
    }

    // Signed out here or elsewhere: nothing of the person's work stays on the phone, and the forms close.
    function signedOut() {
        return wipe().then(function () {
            say(TEXT.wiped);
            document.getElementById("waiting-list").innerHTML = "";
            document.getElementById("sent-list").innerHTML = "";
            document.getElementById("waiting-count").textContent = "0";
            document.getElementById("sent-count").textContent = "0";
            ["queue", "intake", "screening"].forEach(function (id) { document.getElementById(id).hidden = true; });
            document.querySelector(".field-tabs").hidden = true;
            document.getElementById("sign-in-again").hidden = false;
            window.scrollTo(0, 0);
        });
    }

    var again = false;
    var retry = null;

    function sync() {
        if (syncing) { again = true; return Promise.resolve(); }
        if (!navigator.onLine) { return Promise.resolve(); }
        again = false;
        syncing = true;
        var button = document.getElementById("send-now");
        button.disabled = true;
        var sentNow = 0;
        var stop = false;
        var failed = false;
        return allEntries().then(function (entries) {
            var waiting = entries.filter(function (e) { return e.state === "waiting"; });
            if (waiting.length > 0) { say(TEXT.sending); }
            // Asked even with nothing to send: it records whose entries this phone keeps.
            return fetch(root.getAttribute("data-session"), { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
                .then(function (response) {
                    if (ended(response)) { stop = true; return ended(response)(); }
                    if (!response.ok) { throw new Error("session " + response.status); }
                    return response.json().then(function (session) {
                        return getMeta("owner").then(function (owner) {
                            // Another person signed in on this phone: the previous person's entries go, and the form starts afresh.
                            if (owner && owner !== session.owner) { stop = true; return wipe().then(function () { location.reload(); }); }
                            return setMeta("owner", session.owner).then(function () { return session.token; });
                        });
                    });
                })
                .then(function (token) {
                    if (stop || waiting.length === 0) { return null; }
                    // One at a time and in order: a screening may refer to an intake sent just before.
                    return waiting.reduce(function (chain, entry) {
                        return chain.then(function () { return stop ? null : send(entry, token); });
                    }, Promise.resolve());
                });
        }).catch(function () {
            // No connection after all (the online event often comes before the network works): the entries stay
            // waiting, and another round follows in a few seconds while the browser says it is online.
            failed = true;
        }).then(function () {
            syncing = false;
            button.disabled = false;
            if (stop) { return null; }
            if (failed && navigator.onLine && !retry) {
                retry = setTimeout(function () { retry = null; sync(); }, 3000);
            }
            say(sentNow > 0 ? TEXT.syncedCount + " " + sentNow : "");
            // Saved while this round was sending: one more round.
            return render().then(function () { return again ? sync() : null; });
        });

        function send(entry, token) {
            var body = Object.assign({ clientId: entry.clientId }, entry.body);
            return fetch(root.getAttribute("data-sync"), {
                method: "POST", credentials: "same-origin", cache: "no-store",
                headers: { "Content-Type": "application/json", Accept: "application/json", RequestVerificationToken: token },
                body: JSON.stringify(body),
            }).then(function (response) {
                if (ended(response)) { stop = true; return ended(response)(); }
                return problem(response).then(function (answer) {
                    if (response.status === 200 || response.status === 201) {
                        sentNow++;
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
                        return putEntry(entry);
                    }
                    if (response.status === 400 || response.status === 403 || response.status === 404 || response.status === 409 || response.status === 413 || response.status === 415) {
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
    }

    function syncSoon() { if (navigator.onLine) { return sync(); } return null; }

    function selectTab(name) {
        ["intake", "screening"].forEach(function (n) {
            document.getElementById(n).hidden = n !== name;
            var tab = document.getElementById("tab-" + n);
            tab.classList.toggle("active", n === name);
            tab.setAttribute("aria-selected", String(n === name));
        });
    }

    function loadJson(url) {
        return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (r) {
            if (ended(r)) { return ended(r)().then(function () { throw new Error("signed out"); }); }
            if (!r.ok) { throw new Error(url + " " + r.status); }
            return r.json();
        });
    }

    // ---- start ----------------------------------------------------------------------------------------------------
    document.getElementById("intake").addEventListener("submit", saveIntake);
    document.getElementById("screening").addEventListener("submit", saveScreening);
    document.getElementById("screening-instrument").addEventListener("change", showItems);
    document.getElementById("cancel-edit").addEventListener("click", resetIntake);
    document.getElementById("tab-intake").addEventListener("click", function () { selectTab("intake"); });
    document.getElementById("tab-screening").addEventListener("click", function () { selectTab("screening"); });
    document.getElementById("queue").addEventListener("click", onListClick);
    document.getElementById("send-now").addEventListener("click", function () { sync(); });
    window.addEventListener("online", function () { showStatus(); sync(); });
    window.addEventListener("offline", showStatus);
    // Signing out from this page: wipe first, then let the form go (the answer also carries Clear-Site-Data).
    document.querySelectorAll("form[action='/Account/Logout']").forEach(function (form) {
        form.addEventListener("submit", function (event) {
            if (form.getAttribute("data-wiped")) { return; }
            event.preventDefault();
            wipe().then(function () { form.setAttribute("data-wiped", "1"); form.submit(); });
        });
    });
    showStatus();

    if (navigator.serviceWorker) {
        navigator.serviceWorker.register("/field-sw.js", { scope: "/Field" }).catch(function () { /* the page still works online */ });
    }

    Promise.all([loadJson(root.getAttribute("data-standard")), loadJson(root.getAttribute("data-instruments"))])
        .then(function (loaded) {
            dictionary = loaded[0];
            instruments = loaded[1];
            buildIntake();
            root.setAttribute("data-ready", "true");
            return render();
        })
        .then(syncSoon)
        .catch(function () {
            if (!dictionary) { document.getElementById("intake-fields").textContent = TEXT.unavailable; }
            return render();
        });
})();
