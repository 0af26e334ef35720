// The dashboard: plain scripts over the ledger's own API, so it works offline and asks nothing the API would not
// answer to any client. Every view is drawn from the reports as of the date chosen above it.
'use strict';

const state = {
  auth: null, roles: [], lang: localStorage.getItem('ledger.lang') || 'id', view: 'overview',
  asOf: '', knownAt: '', eventsFrom: 1, eventsPage: 20, cohortRows: [],
  // The last position this dashboard wrote: reads wait until the read models include it (read your writes).
  atLeast: 0
};
const $ = (selector, root = document) => root.querySelector(selector);
const PILLARS = ['GOVERNANCE', 'BRANDING', 'ECONOMY', 'LIVING', 'SOCIETY', 'ENVIRONMENT'];

function t(key, values = {}) {
  const text = (TEXTS[state.lang] && TEXTS[state.lang][key]) || TEXTS.en[key] || key;
  return text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

function translatePage() {
  document.documentElement.lang = state.lang;
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach(element => { element.textContent = t(element.dataset.i18n); });
  $('#language').value = state.lang;
}

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value === null || value === undefined || value === false) return;
    if (name === 'text') element.textContent = value; else element.setAttribute(name, value === true ? '' : value);
  });
  children.flat().forEach(child => element.append(child instanceof Node ? child : document.createTextNode(child ?? '')));
  return element;
}

function when() {
  const query = new URLSearchParams();
  if (state.asOf) query.set('asOf', state.asOf);
  if (state.knownAt) query.set('knownAt', new Date(state.knownAt).toISOString());
  if (state.atLeast) query.set('atLeast', state.atLeast);
  return query;
}

class Problem extends Error {
  constructor(status, body) {
    super(body && body.detail ? body.detail : 'HTTP ' + status);
    this.status = status;
    this.body = body || {};
  }
}

function headers(accept) {
  return { 'Authorization': state.auth, 'X-Requested-With': 'XMLHttpRequest', 'Accept': accept };
}

async function api(path, options = {}) {
  const sent = Object.assign(headers('application/json'), options.headers || {});
  const response = await fetch(path, Object.assign({}, options, { headers: sent }));
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) throw new Problem(response.status, typeof body === 'object' ? body : { detail: body });
  return body;
}

/** The footer: which build of the ledger answers (version and commit, from /actuator/info). */
async function showVersion() {
  try {
    const info = await api('/actuator/info');
    const commit = info.git && info.git.commit ? ' · ' + info.git.commit.id : '';
    $('#version').textContent = 'smartcity-ledger ' + ((info.build && info.build.version) || '?') + commit;
  } catch (e) {
    $('#version').textContent = '';
  }
}

function withWhen(path, extra = {}) {
  const query = when();
  Object.entries(extra).forEach(([name, value]) => { if (value !== undefined && value !== null) query.set(name, value); });
  const text = query.toString();
  return text ? path + '?' + text : path;
}

// --- sign in -------------------------------------------------------------------------------------------------------

async function signIn(event) {
  event.preventDefault();
  const user = $('#user').value.trim();
  state.auth = 'Basic ' + btoa(unescape(encodeURIComponent(user + ':' + $('#password').value)));
  try {
    const me = await api('/api/me');
    state.roles = me.roles;
    $('#who').textContent = me.user + ' (' + me.roles.join(', ') + ')';
    $('#sign-in').hidden = true;
    $('#app').hidden = false;
    $('#sign-out').hidden = false;
    $('#sign-in-error').textContent = '';
    const auditor = has('AUDITOR', 'ADMIN');
    document.querySelectorAll('.auditor-only').forEach(element => { element.hidden = !auditor; });
    document.querySelectorAll('.operator-only').forEach(element => { element.hidden = !has('OPERATOR', 'ADMIN'); });
    buildCommandForms();
    showVersion();
    const allowed = { audit: auditor, operate: has('OPERATOR', 'ADMIN') };
    show(allowed[state.view] === false ? 'overview' : state.view);
  } catch (e) {
    state.auth = null;
    $('#sign-in-error').textContent = e.status === 401 ? t('wrongSignIn') : e.message;
  }
}

function has(...roles) {
  return roles.some(role => state.roles.includes(role));
}

function signOut() {
  state.auth = null;
  state.roles = [];
  $('#password').value = '';
  $('#app').hidden = true;
  $('#sign-out').hidden = true;
  $('#sign-in').hidden = false;
  $('#who').textContent = '';
}

// --- views ---------------------------------------------------------------------------------------------------------

function show(view) {
  state.view = view;
  document.querySelectorAll('[role=tab]').forEach(tab => {
    const selected = tab.dataset.view === view;
    tab.setAttribute('aria-selected', selected);
    tab.tabIndex = selected ? 0 : -1;
  });
  document.querySelectorAll('.view').forEach(section => { section.hidden = section.id !== 'view-' + view; });
  refresh();
}

function refresh() {
  const note = [];
  if (state.asOf) note.push(t('asOfNote', { date: state.asOf }));
  if (state.knownAt) note.push(t('knownAtNote', { instant: new Date(state.knownAt).toISOString() }));
  $('#time-note').textContent = note.join(' ');
  const views = { overview: drawOverview, cohorts: drawCohorts, region: drawRegion, audit: drawAudit, operate: () => {} };
  views[state.view]().catch(e => console.error(e));
}

async function drawOverview() {
  const [totals, reconciliation] = await Promise.all([
    api(withWhen('/api/reports/annual-totals')), api(withWhen('/api/reports/reconciliation'))]);
  const published = {};
  reconciliation.rows.filter(row => row.metric === 'DISTINCT_CUMULATIVE' && row.published !== null)
    .forEach(row => { published[row.year] = row.published; });
  drawChart(totals.rows, published);
  const body = $('#totals tbody');
  body.replaceChildren(...totals.rows.map(row => el('tr', { 'data-year': row.year },
    el('th', { scope: 'row', text: row.year }), el('td', { text: row.selectedAsNew }),
    el('td', { text: row.repeatEngagements }), el('td', { text: row.withdrawals }),
    el('td', { text: row.masterplansSubmitted }), el('td', { class: 'cumulative', text: row.cumulativeDistinct }),
    el('td', { text: row.coveragePercent + '%' }))));
  const last = totals.rows[totals.rows.length - 1];
  const percent = last ? Number(last.coveragePercent) : 0;
  $('#coverage-text').textContent = last ? t('coverageText', { regions: last.cumulativeDistinct,
    of: last.coverageDenominator, percent: last.coveragePercent }) : '';
  $('#coverage-meter').setAttribute('aria-label', $('#coverage-text').textContent);
  $('#coverage-meter .fill').style.width = Math.min(100, percent) + '%';
  $('#reconciliation tbody').replaceChildren(...reconciliation.rows.map(row => {
    const differs = row.difference !== null && row.difference !== 0;
    return el('tr', { class: differs ? 'differs' : null },
      el('th', { scope: 'row', text: row.year }), el('td', { text: row.metric }),
      el('td', { text: row.published ?? '' }), el('td', { text: row.recorded }),
      el('td', { class: 'difference', text: row.difference === null ? '' : (row.difference > 0 ? '+' : '') + row.difference }),
      el('td', { text: (row.explanation || []).join(' ') }));
  }));
}

/**
 * Bars of new and repeat regions per year as recorded; lines of distinct regions so far, as published (solid) and as
 * recorded (dashed). SVG, with each year's figures kept on its group for whoever reads the data.
 */
function drawChart(rows, published) {
  const width = 640, height = 260, left = 36, bottom = 24, top = 16;
  const max = Math.max(1, ...Object.values(published), ...rows.map(row =>
    Math.max(row.cumulativeDistinct, row.selectedAsNew + row.repeatEngagements)));
  const step = (width - left) / Math.max(1, rows.length);
  const y = value => height - bottom - (value / max) * (height - bottom - top);
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const node = (tag, attributes, text) => {
    const element = document.createElementNS(ns, tag);
    Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, value));
    if (text !== undefined) element.textContent = text;
    return element;
  };
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('chartLabel'));
  [0, 0.5, 1].forEach(share => {
    const value = Math.round(max * share);
    svg.append(node('line', { x1: left, x2: width, y1: y(value), y2: y(value), class: 'grid' }));
    svg.append(node('text', { x: left - 4, y: y(value) + 4, 'text-anchor': 'end', class: 'axis' }, value));
  });
  const recorded = [], announced = [];
  rows.forEach((row, index) => {
    const x = left + index * step + step * 0.2;
    const barWidth = step * 0.6;
    const center = x + barWidth / 2;
    const group = node('g', { class: 'year', 'data-year': row.year, 'data-new': row.selectedAsNew,
      'data-repeats': row.repeatEngagements, 'data-cumulative': row.cumulativeDistinct,
      'data-published-cumulative': published[row.year] ?? '' });
    group.append(node('rect', { x, width: barWidth, y: y(row.selectedAsNew), class: 'new',
      height: y(0) - y(row.selectedAsNew) }));
    group.append(node('rect', { x, width: barWidth, class: 'repeat',
      y: y(row.selectedAsNew + row.repeatEngagements), height: y(0) - y(row.repeatEngagements) }));
    group.append(node('title', {}, `${row.year}: ${row.selectedAsNew} ${t('newRegions')}, ${row.repeatEngagements} `
      + `${t('repeats')}; ${t('cumulative')}: ${published[row.year] ?? '-'} ${t('publishedShort')}, `
      + `${row.cumulativeDistinct} ${t('recordedShort')}`));
    group.append(node('text', { x: center, y: height - 6, 'text-anchor': 'middle', class: 'axis' }, row.year));
    svg.append(group);
    recorded.push([center, y(row.cumulativeDistinct)]);
    if (published[row.year] !== undefined) announced.push([center, y(published[row.year]), published[row.year]]);
  });
  const polyline = (points, cls) => node('polyline', { points: points.map(point => point[0] + ',' + point[1]).join(' '), class: cls });
  svg.append(polyline(recorded, 'line recorded'));
  svg.append(polyline(announced, 'line'));
  announced.forEach(point => {
    svg.append(node('circle', { cx: point[0], cy: point[1], r: 3.5, class: 'point' }));
    svg.append(node('text', { x: point[0], y: point[1] - 8, 'text-anchor': 'middle', class: 'value' }, point[2]));
  });
  $('#chart').replaceChildren(svg);
}

async function drawCohorts() {
  const totals = await api(withWhen('/api/reports/annual-totals'));
  const years = totals.rows.filter(row => row.engagements > 0).map(row => String(row.year));
  const select = $('#cohort-year');
  const chosen = years.includes(select.value) ? select.value : years[years.length - 1];
  select.replaceChildren(...years.map(year => el('option', { value: year, text: year })));
  if (!chosen) {
    state.cohortRows = [];
    filterCohort();
    return;
  }
  select.value = chosen;
  await loadCohort(chosen);
}

async function loadCohort(year) {
  state.cohortRows = (await api(withWhen('/api/cohorts/' + year))).rows;
  options('#cohort-province', state.cohortRows.map(row => row.provinceName));
  options('#cohort-mentor', state.cohortRows.flatMap(row => row.institutions || []));
  options('#cohort-pillar', PILLARS);
  filterCohort();
}

function options(selector, values) {
  const select = $(selector);
  const kept = select.value;
  const unique = [...new Set(values.filter(Boolean))].sort();
  select.replaceChildren(el('option', { value: '', text: t('all') }), ...unique.map(value => el('option', { value, text: value })));
  select.value = unique.includes(kept) ? kept : '';
}

function filterCohort() {
  const search = $('#cohort-search').value.trim().toLowerCase();
  const province = $('#cohort-province').value, mentor = $('#cohort-mentor').value, pillar = $('#cohort-pillar').value;
  const rows = state.cohortRows.filter(row =>
    (!search || (row.name + ' ' + row.code).toLowerCase().includes(search))
    && (!province || row.provinceName === province)
    && (!mentor || (row.institutions || []).includes(mentor))
    && (!pillar || (row.pillars || []).includes(pillar)));
  $('#cohort tbody').replaceChildren(...rows.map(row => el('tr', { 'data-code': row.code, class: 'status-' + row.status },
    el('td', {}, el('a', { href: '#region/' + row.code, text: row.code })), el('th', { scope: 'row', text: row.name }),
    el('td', { text: row.provinceName }), el('td', { text: t(row.type) }), el('td', { text: t(row.status) }),
    el('td', { text: (row.institutions || []).join(', ') }), el('td', { text: (row.pillars || []).join(', ') }))));
  $('#cohort-count').textContent = t('cohortCount', { shown: rows.length, total: state.cohortRows.length });
}

async function downloadCohort() {
  const year = $('#cohort-year').value;
  if (!year) return;
  const response = await fetch(withWhen('/api/cohorts/' + year), { headers: headers('text/csv') });
  const link = el('a', { href: URL.createObjectURL(await response.blob()), download: 'cohort-' + year + '.csv' });
  document.body.append(link);
  link.click();
  link.remove();
}

async function drawRegion() {
  const code = $('#region-code').value.trim();
  $('#region-error').textContent = '';
  if (!code) {
    $('#region-dossier').replaceChildren();
    return;
  }
  let region;
  try {
    region = await api(withWhen('/api/regions/' + encodeURIComponent(code)));
  } catch (e) {
    $('#region-dossier').replaceChildren();
    $('#region-error').textContent = e.status === 404 ? t('notFound') : e.message;
    return;
  }
  const engagements = region.engagements || [];
  const header = el('div', { class: 'dossier-head' },
    el('h2', { id: 'region-name', text: region.name + ' (' + region.code + ')' }),
    el('p', { text: t(region.kind) + ', ' + (region.provinceName || '') }),
    // The ledger's own figure: a withdrawn engagement is not assistance.
    el('p', { class: region.assistedTimes > 1 ? 'badge repeated' : 'badge', id: 'assisted' },
      (region.assistedTimes === 1 ? t('assistedOnce') : t('assistedTimes', { n: region.assistedTimes }))
        + (region.assistedTimes > 1 ? ' · ' + t('repeated') : '')));
  const strip = el('ol', { class: 'engagements', 'aria-label': t('engagements') }, engagements.map(engagement =>
    el('li', { class: 'engagement ' + engagement.type, 'data-year': engagement.cohortYear },
      el('strong', { text: engagement.cohortYear }), ' ', t(engagement.type), ' · ', t(engagement.status),
      (engagement.institutions || []).length ? ' · ' + engagement.institutions.join(', ') : '')));
  const timeline = [...(region.timeline || [])].sort((a, b) => a.position - b.position);
  const table = el('table', { class: 'data', id: 'timeline' },
    el('caption', { text: t('timeline') }),
    el('thead', {}, el('tr', {}, ['position', 'date', 'event', 'summary', 'recordedBy', 'recordedAt']
      .map(key => el('th', { scope: 'col', text: t(key) })))),
    el('tbody', {}, timeline.map(entry => el('tr', { 'data-position': entry.position, 'data-event': entry.event },
      el('td', { text: entry.position }), el('td', { text: entry.date || '' }), el('td', { text: entry.event }),
      el('td', { text: entry.summary || '' }), el('td', { text: entry.recordedBy || '' }),
      el('td', { text: entry.recordedAt || '' })))));
  $('#region-dossier').replaceChildren(header, strip, el('div', { class: 'scroll' }, table));
}

async function drawAudit() {
  const digest = await api('/api/audit/digest');
  $('#digest').replaceChildren(...['treeSize', 'headHash', 'root', 'at'].flatMap(key => [
    el('dt', { text: t(key) }), el('dd', { id: 'digest-' + key, text: digest[key] })]));
  await drawEvents();
}

async function drawEvents() {
  const page = await api('/api/audit/events?from=' + state.eventsFrom + '&limit=' + state.eventsPage);
  const events = page.events || [];
  $('#events tbody').replaceChildren(...events.map(event => el('tr', { 'data-position': event.position },
    el('td', { text: event.position }), el('td', { text: event.type }), el('td', { text: event.aggregateId || '' }),
    el('td', { text: (event.metadata || {}).principal || '' }), el('td', { text: (event.metadata || {}).recordedAt || '' }),
    el('td', { class: 'hash', text: (event.hash || '').slice(0, 16) + '…', title: event.hash }))));
  const last = events.length ? events[events.length - 1].position : state.eventsFrom - 1;
  $('#events-page').textContent = t('eventsPage', { from: state.eventsFrom, to: last, head: page.head });
  $('#events-previous').disabled = state.eventsFrom <= 1;
  $('#events-next').disabled = page.next === null || page.next === undefined;
  state.eventsNext = page.next;
}

async function verify() {
  const result = $('#verify-result');
  result.textContent = t('verifying');
  result.className = 'result';
  try {
    const answer = await api('/api/audit/verify');
    const ok = answer.status === 'OK';
    result.textContent = ok ? t('verifiedOk', { n: answer.verified }) : t('broken', answer);
    result.className = 'result ' + (ok ? 'ok' : 'broken');
  } catch (e) {
    result.textContent = e.message;
    result.className = 'result broken';
  }
}

// --- commands ------------------------------------------------------------------------------------------------------

const list = value => value.split(',').map(item => item.trim()).filter(Boolean);
const COMMANDS = [
  { id: 'selectRegion', fields: ['code', 'name', ['kind', ['CITY', 'REGENCY']], ['cohortYear', 'number'], ['selectedOn', 'date']],
    path: v => `/api/regions/${v.code}/selections`,
    body: v => ({ name: v.name, kind: v.kind, cohortYear: Number(v.cohortYear), selectedOn: v.selectedOn }) },
  { id: 'signMoU', fields: ['code', ['year', 'number'], ['signedOn', 'date'], 'place', ['virtual', 'checkbox'], 'signatories', 'scope'],
    path: v => `/api/regions/${v.code}/engagements/${v.year}/mou`,
    body: v => ({ signedOn: v.signedOn, place: v.place, virtual: v.virtual, signatories: list(v.signatories), scope: list(v.scope) }) },
  { id: 'assignMentor', fields: ['code', ['year', 'number'], 'institution', 'mentors', ['assignedOn', 'date']],
    path: v => `/api/regions/${v.code}/engagements/${v.year}/mentors`,
    body: v => ({ institution: v.institution, mentors: list(v.mentors), assignedOn: v.assignedOn }) },
  { id: 'submitMasterplan', fields: ['code', ['year', 'number'], ['submittedOn', 'date'], ['horizonYears', 'number'],
      ['pillars', PILLARS, true], 'quickWins', 'documentSha256'],
    path: v => `/api/regions/${v.code}/engagements/${v.year}/masterplan`,
    body: v => ({ submittedOn: v.submittedOn, horizonYears: Number(v.horizonYears), pillars: v.pillars,
      quickWins: list(v.quickWins), documentSha256: v.documentSha256 }) },
  { id: 'repeatMentoring', fields: ['code', ['cohortYear', 'number'], ['startedOn', 'date'], 'reason'],
    path: v => `/api/regions/${v.code}/repeat-mentoring`,
    body: v => ({ cohortYear: Number(v.cohortYear), startedOn: v.startedOn, reason: v.reason }) },
  { id: 'withdraw', fields: ['code', ['year', 'number'], ['withdrawnOn', 'date'], 'reason'],
    path: v => `/api/regions/${v.code}/engagements/${v.year}/withdrawal`,
    body: v => ({ withdrawnOn: v.withdrawnOn, reason: v.reason }) }
];

function buildCommandForms() {
  const forms = COMMANDS.map(command => {
    const form = el('form', { class: 'panel command', id: 'form-' + command.id, novalidate: true },
      el('h2', { 'data-i18n': command.id, text: t(command.id) }),
      command.fields.map(spec => field(command.id, spec)),
      el('button', { type: 'submit', 'data-i18n': 'send', text: t('send') }),
      el('p', { class: 'result', role: 'status', id: command.id + '-result' }));
    form.addEventListener('submit', event => { event.preventDefault(); send(command, form); });
    return form;
  });
  const importForm = el('form', { class: 'panel command', id: 'form-import' },
    el('h2', { 'data-i18n': 'importHistory', text: t('importHistory') }),
    field('import', ['file', 'file']),
    el('button', { type: 'submit', 'data-i18n': 'send', text: t('send') }),
    el('p', { class: 'result', role: 'status', id: 'import-result' }));
  importForm.addEventListener('submit', event => { event.preventDefault(); importFile(importForm); });
  $('#command-forms').replaceChildren(...forms, importForm);
}

function field(formId, spec) {
  const [name, type = 'text', multiple = false] = Array.isArray(spec) ? spec : [spec];
  const id = formId + '-' + name;
  let input;
  if (Array.isArray(type)) {
    input = el('select', { id, name, multiple: multiple || null, size: multiple ? type.length : null },
      type.map(value => el('option', { value, text: TEXTS[state.lang][value] || value })));
  } else {
    input = el('input', { id, name, type, 'aria-describedby': id + '-error' });
  }
  return el('div', { class: 'field' + (type === 'checkbox' ? ' check' : '') },
    el('label', { for: id, 'data-i18n': 'f_' + name, text: t('f_' + name) }), input,
    el('span', { class: 'error', id: id + '-error', 'aria-live': 'polite' }));
}

function values(form) {
  const result = {};
  form.querySelectorAll('input, select').forEach(input => {
    if (input.type === 'checkbox') result[input.name] = input.checked;
    else if (input.multiple) result[input.name] = [...input.selectedOptions].map(option => option.value);
    else result[input.name] = input.value.trim();
  });
  return result;
}

async function send(command, form) {
  form.querySelectorAll('.error').forEach(error => { error.textContent = ''; });
  const result = form.querySelector('.result');
  result.className = 'result';
  const v = values(form);
  try {
    const accepted = await api(command.path(v), { method: 'POST', body: JSON.stringify(command.body(v)),
      headers: { 'Content-Type': 'application/json', 'X-Client-Application': 'dashboard',
        'Idempotency-Key': crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random() } });
    result.textContent = t('accepted', { type: accepted.type, position: accepted.position });
    state.atLeast = Math.max(state.atLeast, accepted.position);
    result.classList.add('ok');
    $('#region-code').value = v.code;
  } catch (e) {
    const problem = e.body || {};
    // A refusal names its rule; shown beside the field it concerns (the region, unless the problem names a field).
    const errors = problem.errors && problem.errors.length ? problem.errors : [{ field: 'code', message: problem.detail || e.message }];
    errors.forEach(error => {
      const target = form.querySelector('#' + command.id + '-' + String(error.field).split('.')[0] + '-error')
        || form.querySelector('#' + command.id + '-code-error');
      target.textContent = (target.textContent ? target.textContent + ' ' : '') + error.message
        + (problem.code ? ' [' + problem.code + ']' : '');
    });
    result.textContent = t('refused', { code: problem.code || e.status, detail: problem.detail || e.message });
    result.classList.add('broken');
  }
}

async function importFile(form) {
  const file = form.querySelector('input[type=file]').files[0];
  const result = form.querySelector('.result');
  if (!file) return;
  try {
    const answer = await api('/api/imports', { method: 'POST', body: await file.text(),
      headers: { 'Content-Type': 'application/x-ndjson', 'X-Client-Application': 'dashboard' } });
    result.textContent = t('imported', { n: answer.imported });
    state.atLeast = Math.max(state.atLeast, answer.lastPosition || 0);
    result.className = 'result ok';
  } catch (e) {
    result.textContent = t('refused', { code: (e.body || {}).code || e.status, detail: e.message });
    result.className = 'result broken';
  }
}

// --- wiring --------------------------------------------------------------------------------------------------------

function wire() {
  translatePage();
  $('#sign-in-form').addEventListener('submit', signIn);
  $('#sign-out').addEventListener('click', signOut);
  $('#language').addEventListener('change', () => {
    state.lang = $('#language').value;
    localStorage.setItem('ledger.lang', state.lang);
    translatePage();
    if (state.auth) {
      buildCommandForms();
      refresh();
    }
  });
  document.querySelectorAll('[role=tab]').forEach(tab => {
    tab.addEventListener('click', () => show(tab.dataset.view));
    tab.addEventListener('keydown', event => {
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      const tabs = [...document.querySelectorAll('[role=tab]:not([hidden])')];
      const next = tabs[(tabs.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
      next.focus();
      show(next.dataset.view);
    });
  });
  $('#as-of').addEventListener('change', () => { state.asOf = $('#as-of').value; refresh(); });
  $('#known-at').addEventListener('change', () => { state.knownAt = $('#known-at').value; refresh(); });
  $('#now').addEventListener('click', () => {
    state.asOf = state.knownAt = '';
    $('#as-of').value = $('#known-at').value = '';
    refresh();
  });
  ['#cohort-search', '#cohort-province', '#cohort-mentor', '#cohort-pillar']
    .forEach(selector => $(selector).addEventListener('input', filterCohort));
  $('#cohort-year').addEventListener('change', () => loadCohort($('#cohort-year').value));
  $('#cohort-csv').addEventListener('click', downloadCohort);
  $('#cohort tbody').addEventListener('click', event => {
    const link = event.target.closest('a[href^="#region/"]');
    if (!link) return;
    event.preventDefault();
    $('#region-code').value = link.getAttribute('href').slice('#region/'.length);
    show('region');
  });
  $('#region-form').addEventListener('submit', event => { event.preventDefault(); drawRegion(); });
  $('#verify').addEventListener('click', verify);
  $('#events-previous').addEventListener('click', () => {
    state.eventsFrom = Math.max(1, state.eventsFrom - state.eventsPage);
    drawEvents();
  });
  $('#events-next').addEventListener('click', () => {
    if (state.eventsNext) state.eventsFrom = state.eventsNext;
    drawEvents();
  });
}

document.addEventListener('DOMContentLoaded', wire);
