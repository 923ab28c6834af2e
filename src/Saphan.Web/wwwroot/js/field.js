// Offline field form (issue 7). Entries are kept in IndexedDB until the server has them; each carries a UUID made
// here, so a resend (dropped answer, retry, double tap) makes nothing new on the server. See docs/offline.md.
(function () {
    "use strict";
    var root = document.getElementById("field");
    if (!root) { return; }
    var TEXT = JSON.parse(document.getElementById("field-text").textContent);
    var thai = document.documentElement.lang === "th";
    var core = window.SaphanField;
    var dictionary = null;
    var instruments = [];
    var editing = null; // the sent intake entry being changed

    // The intake form: the dictionary's person and case fields a field worker fills in, in this order.
    var INTAKE = ["person.givenName", "person.familyName", "person.birthDate", "person.estimatedAge", "person.gender",
        "person.citizenship", "person.phone", "case.identifiedOn", "case.identificationRoute", "case.province"];
    var COMMON_CITIZENSHIPS = ["TH", "MM", "KH", "LA", "VN", "CN", "stateless"];

    var tx = core.tx, req = core.req, allEntries = core.allEntries, putEntry = core.putEntry, deleteEntry = core.deleteEntry, wipe = core.wipe;

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
            var values = e.state === "sent" && e.values ? e.values : e.body["case"];
            var age = ageOf(values && values.person);
            person.appendChild(el("option", { value: e.clientId, text: describe(e), "data-age": age === null ? null : String(age) }));
        });
        person.value = chosen;
        fillInstruments();
    }

    // The person's age as the phone knows it (birth date, else the estimate), or null.
    function ageOf(p) {
        if (!p) { return null; }
        if (p.birthDate) {
            var birth = new Date(p.birthDate + "T00:00:00Z"), today = new Date();
            var age = today.getUTCFullYear() - birth.getUTCFullYear();
            var before = today.getUTCMonth() < birth.getUTCMonth() || (today.getUTCMonth() === birth.getUTCMonth() && today.getUTCDate() < birth.getUTCDate());
            return before ? age - 1 : age;
        }
        return typeof p.estimatedAge === "number" ? p.estimatedAge : null;
    }

    // As the case's own screening page: an instrument for children (CHILD-TIP, under 18) is offered only when the
    // person's age is unknown or under its limit (the server checks again with the recorded age).
    function fillInstruments() {
        var instrument = document.getElementById("screening-instrument");
        var option = document.getElementById("screening-person").selectedOptions[0];
        var age = option && option.getAttribute("data-age") !== null ? Number(option.getAttribute("data-age")) : null;
        var chosen = instrument.value;
        instrument.innerHTML = "";
        instrument.appendChild(el("option", { value: "", text: TEXT.choose }));
        instruments.filter(function (i) { return i.underAge === null || i.underAge === undefined || age === null || age < i.underAge; }).forEach(function (i) {
            instrument.appendChild(el("option", { value: i.code, text: thai ? i.thai : i.english }));
        });
        instrument.value = chosen;
        if (instrument.value !== chosen) { showItems(); }
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

    // Signed out: the store is gone and must not be made again by reading it.
    var closed = false;

    function render() {
        if (closed) { return Promise.resolve(); }
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
            if (waiting.some(function (e) { return e.state === "waiting"; })) { registerBackgroundSync(); }
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

    // A conflict, field by field: the phone's value, the server's and the one both started from. Fields changed on one
    // side only are merged without asking (and said so); for a field both sides changed the person picks one.
    function renderConflicts(conflicts) {
        var box = document.getElementById("conflicts");
        box.innerHTML = "";
        conflicts.forEach(function (e) {
            var items = (e.conflict.fields || []).map(function (f, index) {
                var choose = core.needsChoice(f);
                var name = "choice-" + e.clientId + "-" + index;
                var before = el("p", { "class": "muted field-conflict-base", text: TEXT.base + ": " + show(f.base) });
                if (!choose) {
                    var kept = core.defaultChoice(f) === "mine";
                    return el("div", { "class": "field-conflict-field merged", "data-field": f.field, "data-needs-choice": "false" }, [
                        el("p", {}, [el("strong", { text: fieldLabel(f.field) })]),
                        el("p", { text: (kept ? TEXT.yours : TEXT.server) + ": " + show(kept ? f.yours : f.server) }),
                        el("p", { "class": "muted", text: kept ? TEXT.mergedMine : TEXT.mergedServer }),
                    ]);
                }
                return el("fieldset", { "class": "field-conflict-field", "data-field": f.field, "data-needs-choice": "true" }, [
                    el("legend", { text: fieldLabel(f.field) }),
                    f.base !== undefined ? before : null,
                    el("label", { "class": "check" }, [
                        el("input", { type: "radio", name: name, value: "mine", "data-choice-for": f.field }),
                        document.createTextNode(" " + TEXT.yours + ": " + show(f.yours)),
                    ]),
                    el("label", { "class": "check" }, [
                        el("input", { type: "radio", name: name, value: "server", "data-choice-for": f.field }),
                        document.createTextNode(" " + TEXT.server + ": " + show(f.server)),
                    ]),
                ]);
            });
            box.appendChild(el("div", { "class": "field-conflict", role: "alert", "data-client-id": e.clientId }, [
                el("p", {}, [el("span", { "class": "pill pill-warn", text: TEXT.conflict }), document.createTextNode(" " + describe(e))]),
                el("div", { "class": "field-conflict-fields" }, items),
                el("p", { "class": "field-error", "data-conflict-error": e.clientId }),
                el("button", { type: "button", "class": "primary small", "data-send-choices": e.clientId, text: TEXT.sendChoices }),
                el("button", { type: "button", "class": "secondary small", "data-keep-mine": e.clientId, text: TEXT.keepMine }),
                el("button", { type: "button", "class": "secondary small", "data-keep-server": e.clientId, text: TEXT.keepServer }),
            ]));
        });
    }

    // The person's choices for one conflict: every field both sides changed must have one (the buttons choose for all).
    function choicesFor(id, all) {
        var box = document.querySelector(".field-conflict[data-client-id='" + id + "']");
        var choices = {};
        var missing = false;
        box.querySelectorAll("[data-needs-choice=true]").forEach(function (field) {
            var code = field.getAttribute("data-field");
            var picked = field.querySelector("input:checked");
            if (all) { choices[code] = all; } else if (picked) { choices[code] = picked.value; } else { missing = true; }
        });
        if (all === "server") {
            box.querySelectorAll("[data-needs-choice=false]").forEach(function (field) { choices[field.getAttribute("data-field")] = "server"; });
        }
        if (missing) {
            box.querySelector("[data-conflict-error]").textContent = TEXT.chooseEach;
            return null;
        }
        return choices;
    }

    function settle(id, choices) {
        return core.getEntry(id).then(function (entry) {
            if (!entry || !entry.conflict) { return null; }
            return core.resolve(entry, choices);
        }).then(function (state) {
            say(state === "dropped" ? TEXT.dropped : "");
            return render();
        }).then(syncSoon);
    }

    function onListClick(event) {
        var target = event.target;
        var id;
        var choices;
        if ((id = target.getAttribute("data-edit"))) {
            core.getEntry(id).then(function (entry) {
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
        } else if ((id = target.getAttribute("data-send-choices"))) {
            if ((choices = choicesFor(id, null))) { settle(id, choices); }
        } else if ((id = target.getAttribute("data-keep-mine"))) {
            settle(id, choicesFor(id, "mine"));
        } else if ((id = target.getAttribute("data-keep-server"))) {
            settle(id, choicesFor(id, "server"));
        }
    }

    // ---- sending --------------------------------------------------------------------------------------------------
    // What a 401/403 means for the page: wipe (ended elsewhere, role removed) or ask to sign in again (merely expired).
    function ended(response) {
        var outcome = core.ended(response);
        return outcome === "revoked" || outcome === "not-allowed" ? signedOut : outcome === "sign-in" ? signInAgain : null;
    }

    function signInAgain() {
        say(TEXT.signInAgain);
        document.getElementById("sign-in-again").hidden = false;
        return Promise.resolve();
    }

    // Signed out here or elsewhere: nothing of the person's work stays on the phone, and the forms close.
    function signedOut() {
        closed = true;
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

    // Where the browser has Background Sync (Chromium), the service worker sends what waits once there is a network,
    // even if this page was closed; sending from the page (below) stays, for the other browsers and while it is open.
    function registerBackgroundSync() {
        if (!navigator.serviceWorker) { return Promise.resolve(); }
        return navigator.serviceWorker.ready.then(function (registration) {
            if (!registration.sync) { root.setAttribute("data-background-sync", "unsupported"); return null; }
            return registration.sync.register(core.SYNC_TAG).then(function () { root.setAttribute("data-background-sync", "registered"); });
        }).catch(function () { root.setAttribute("data-background-sync", "refused"); });
    }

    var syncing = false;
    var again = false;
    var retry = null;
    var paths = { session: root.getAttribute("data-session"), sync: root.getAttribute("data-sync") };

    function sync() {
        if (closed) { return Promise.resolve(); }
        if (syncing) { again = true; return Promise.resolve(); }
        if (!navigator.onLine) { return Promise.resolve(); }
        again = false;
        syncing = true;
        var button = document.getElementById("send-now");
        button.disabled = true;
        return allEntries().then(function (entries) {
            if (entries.some(function (e) { return e.state === "waiting"; })) { say(TEXT.sending); }
            return core.sendWaiting(paths);
        }).then(function (result) {
            syncing = false;
            button.disabled = false;
            // The worker found the session ended and wiped the phone while this round waited: say nothing else. (The
            // server ends a revoked session at the first request, so this round may have seen a plain 401 after it.)
            if (closed) { return null; }
            if (result.outcome === "revoked" || result.outcome === "not-allowed") { return signedOut(); }
            if (result.outcome === "sign-in") { return signInAgain(); }
            // Another person signed in on this phone: the previous person's entries go, and the form starts afresh.
            if (result.outcome === "other-owner") { return wipe().then(function () { location.reload(); }); }
            // No connection after all (the online event often comes before the network works): the entries stay
            // waiting, and another round follows in a few seconds while the browser says it is online.
            if (result.outcome === "offline" && navigator.onLine && !retry) {
                retry = setTimeout(function () { retry = null; sync(); }, 3000);
            }
            say(result.sent > 0 ? TEXT.syncedCount + " " + result.sent : "");
            // Saved while this round was sending: one more round.
            return render().then(function () { return again ? sync() : null; });
        });
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
    document.getElementById("screening-person").addEventListener("change", fillInstruments);
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
            closed = true;
            wipe().then(function () { form.setAttribute("data-wiped", "1"); form.submit(); });
        });
    });
    showStatus();

    if (navigator.serviceWorker) {
        navigator.serviceWorker.register("/field-sw.js", { scope: "/Field" }).catch(function () { /* the page still works online */ });
        // The worker sent entries (Background Sync) or found the session ended: the lists follow.
        navigator.serviceWorker.addEventListener("message", function (event) {
            var type = event.data && event.data.type;
            if (type === "saphan-field-sent") { render(); }
            if (type === "saphan-field-signed-out") { signedOut(); }
        });
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
