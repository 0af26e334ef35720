// The dashboard: plain scripts over the ledger's own API, so it works offline and asks nothing the API would not
// answer to any client. Every view is drawn from the reports as of the date chosen above it.
// No inline scripts, handlers or style attributes anywhere (the ledger's Content-Security-Policy forbids them):
// styles are classes, or set through element.style.
'use strict';

const state = {
  auth: null, roles: [], user: '', lang: localStorage.getItem('ledger.lang') || 'id', view: 'overview',
  asOf: '', knownAt: '', eventsFrom: 1, eventsPage: 20, cohortRows: [], digest: null, run: 0,
  // The last position this dashboard wrote: reads wait until the read models include it (read your writes).
  atLeast: 0
};
const $ = (selector, root = document) => root.querySelector(selector);
const PILLARS = ['GOVERNANCE', 'BRANDING', 'ECONOMY', 'LIVING', 'SOCIETY', 'ENVIRONMENT'];

function t(key, values = {}) {
  const text = (TEXTS[state.lang] && TEXTS[state.lang][key]) || TEXTS.en[key] || key;
  return text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

/** Like t, but a value may be an element (a <time>, a <code>): the sentence as nodes. */
function tNodes(key, values = {}) {
  const text = (TEXTS[state.lang] && TEXTS[state.lang][key]) || TEXTS.en[key] || key;
  return text.split(/(\{\w+\})/).filter(Boolean).map(part => {
    const name = /^\{(\w+)\}$/.exec(part);
    if (!name) return document.createTextNode(part);
    const value = values[name[1]];
    return value instanceof Node ? value : document.createTextNode(value ?? '');
  });
}

/** Dates, instants and percentages as the reader's language writes them. */
const locale = () => (state.lang === 'id' ? 'id-ID' : 'en-GB');
function formatDate(iso) {
  if (!iso) return '';
  const [year, month, day] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(year, month - 1, day)));
}
function formatInstant(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
/** Every percentage with one decimal, as the report computes it (21.6 %, 22.0 %): never rounded again here. */
function formatPercent(value) {
  return new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })
    .format(Number(value) / 100);
}
const time = (iso, text) => el('time', { datetime: iso }, text);

function translatePage() {
  document.documentElement.lang = state.lang;
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach(element => { element.textContent = t(element.dataset.i18n); });
  document.querySelectorAll('[data-i18n-label]').forEach(element => {
    element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  });
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

/** Data as the ledger recorded it (names, reasons, notes): shown as it is, in whatever language it was written. */
const recorded = (text, tag = 'span') => el(tag, { class: 'recorded' }, text ?? '');

/**
 * A sentence the ledger composed (code, parameters, and the message in our language): its free-text parameters
 * (a reason, a note, an institution) are recorded data and marked so; numbers and codes are left in the sentence.
 */
function phrase(value, fallback) {
  if (!value || !value.message) return document.createTextNode(fallback || '');
  const data = (value.params || []).filter(param => /[A-Za-z]/.test(param) && !/^[A-Z0-9_.]+$/.test(param))
    .sort((a, b) => b.length - a.length);
  let parts = [value.message];
  data.forEach(param => {
    parts = parts.flatMap(part => {
      if (typeof part !== 'string') return [part];
      const pieces = part.split(param);
      return pieces.flatMap((piece, index) => index === 0 ? [piece] : [recorded(param), piece]);
    });
  });
  const span = el('span', {});
  parts.forEach(part => span.append(typeof part === 'string' ? document.createTextNode(part) : part));
  return span;
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
    super(body && (body.message || body.detail) ? (body.message || body.detail) : 'HTTP ' + status);
    this.status = status;
    this.body = body || {};
  }
}

function headers(accept) {
  return { 'Authorization': state.auth, 'X-Requested-With': 'XMLHttpRequest', 'Accept': accept,
    'Accept-Language': state.lang };
}

async function api(path, options = {}) {
  const sent = Object.assign(headers('application/json'), options.headers || {});
  let response;
  try {
    response = await fetch(path, Object.assign({}, options, { headers: sent }));
  } catch (e) {
    throw new Problem(0, { detail: t('networkError', { message: e.message }) });
  }
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) throw new Problem(response.status, typeof body === 'object' ? body : { detail: body });
  return body;
}

/** What a refusal says to the reader: never swallowed, and a role's limits said as such. */
function problemText(e) {
  if (e.status === 403 && (e.body.code === 'FORBIDDEN' || !e.body.code)) {
    return t('notYours', { roles: state.roles.map(role => t('role_' + role)).join(', ') });
  }
  if (e.status === 401) return t('signedOutNote');
  if (e.status === 0) return e.message;
  return t('apiError', { status: e.status, message: e.message }) + (e.body.code ? ' [' + e.body.code + ']' : '');
}

function say(selector, text, kind = 'error') {
  const element = $(selector);
  element.textContent = text || '';
  element.className = 'view-message' + (text ? ' ' + kind : '');
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
    state.user = me.user;
    showWho();
    $('#sign-in').hidden = true;
    $('#app').hidden = false;
    $('#sign-out').hidden = false;
    $('#sign-in-error').textContent = '';
    document.querySelectorAll('.auditor-only').forEach(element => { element.hidden = !auditor(); });
    document.querySelectorAll('.operator-only').forEach(element => { element.hidden = !operator(); });
    buildCommandForms();
    showVersion();
    const allowed = { audit: auditor(), operate: operator() };
    show(allowed[state.view] === false ? 'overview' : state.view);
  } catch (e) {
    state.auth = null;
    $('#sign-in-error').textContent = e.status === 401 ? t('wrongSignIn') : problemText(e);
  }
}

function showWho() {
  $('#who').replaceChildren(recorded(state.user), ' (' + state.roles.map(role => t('role_' + role)).join(', ') + ')');
}

function has(...roles) {
  return roles.some(role => state.roles.includes(role));
}
const auditor = () => has('AUDITOR', 'ADMIN');
const operator = () => has('OPERATOR', 'ADMIN');

function signOut() {
  state.auth = null;
  state.roles = [];
  state.user = '';
  state.knownAt = '';
  $('#known-at').value = '';
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

const VIEWS = {
  overview: drawOverview, cohorts: drawCohorts, region: drawRegion, audit: drawAudit,
  operate: async () => {}
};

/** Draws the current view; an answer the API refuses is said in the view, never only in the console. */
async function refresh() {
  const note = [];
  if (state.asOf) note.push(...tNodes('asOfNote', { date: time(state.asOf, formatDate(state.asOf)) }), ' ');
  if (state.knownAt) {
    const instant = new Date(state.knownAt).toISOString();
    note.push(...tNodes('knownAtNote', { instant: time(instant, formatInstant(instant)) }));
  }
  $('#time-note').replaceChildren(...note);
  const view = state.view;
  const run = ++state.run;
  // While a view is drawn the page says so (data-loading), for whoever waits for it: people see the result.
  document.body.dataset.loading = 'true';
  say('#' + view + '-message', '');
  try {
    await VIEWS[view](run);
  } catch (e) {
    if (run !== state.run) return;
    CLEAR[view]();
    say('#' + view + '-message', problemText(e));
    if (e.status === 401) signOut();
  } finally {
    if (run === state.run) delete document.body.dataset.loading;
  }
}

/** A view whose data could not be read shows nothing of an earlier answer (no full bar, no old rows). */
const CLEAR = {
  overview: () => {
    $('#chart').replaceChildren();
    $('#totals tbody').replaceChildren();
    $('#reconciliation tbody').replaceChildren();
    $('#sources-list').replaceChildren();
    $('#coverage-text').textContent = '';
    $('#coverage-meter').removeAttribute('aria-label');
    $('#coverage-meter .fill').style.width = '0';
  },
  cohorts: () => {
    state.cohortRows = [];
    $('#cohort tbody').replaceChildren();
    $('#cohort-count').textContent = '';
  },
  region: () => { $('#region-dossier').replaceChildren(); },
  audit: () => {
    $('#digest').replaceChildren();
    $('#events tbody').replaceChildren();
    $('#events-page').textContent = '';
  },
  operate: () => {}
};

async function drawOverview(run) {
  const [totals, reconciliation] = await Promise.all([
    api(withWhen('/api/reports/annual-totals')), api(withWhen('/api/reports/reconciliation'))]);
  if (run !== state.run) return;
  const published = {};
  reconciliation.rows.filter(row => row.metric === 'DISTINCT_CUMULATIVE' && row.published !== null)
    .forEach(row => { published[row.year] = row.published; });
  const empty = !totals.rows.some(row => row.engagements > 0 || row.cumulativeDistinct > 0);
  state.chart = { rows: empty ? [] : totals.rows, published };
  drawChart();
  if (empty) say('#overview-message', t(operator() ? 'emptyLedgerOperator' : 'emptyLedger'), 'empty');
  const body = $('#totals tbody');
  body.replaceChildren(...(empty ? [] : totals.rows).map(row => el('tr', { 'data-year': row.year },
    el('th', { scope: 'row', text: row.year }), el('td', { text: row.selectedAsNew }),
    el('td', { text: row.repeatEngagements }), el('td', { text: row.withdrawals }),
    el('td', { text: row.masterplansSubmitted }), el('td', { class: 'cumulative', text: row.cumulativeDistinct }),
    el('td', { text: formatPercent(row.coveragePercent) }))));
  const last = totals.rows[totals.rows.length - 1];
  const percent = last ? Number(last.coveragePercent) : 0;
  $('#coverage-text').textContent = last ? t('coverageText', { regions: last.cumulativeDistinct,
    of: last.coverageDenominator, percent: formatPercent(percent) }) : '';
  $('#coverage-meter').setAttribute('aria-label', $('#coverage-text').textContent);
  $('#coverage-meter .fill').style.width = Math.max(0, Math.min(100, percent)) + '%';
  const headings = [...$('#reconciliation thead tr').children].map(th => th.textContent);
  $('#reconciliation tbody').replaceChildren(...reconciliation.rows.map(row => {
    const differs = row.difference !== null && row.difference !== 0;
    const cells = [
      el('th', { scope: 'row', text: row.year }),
      el('td', { 'data-metric': row.metric }, row.metricName ? row.metricName.message : row.metric),
      el('td', { text: row.published ?? t('published_none') }), el('td', { text: row.recorded }),
      el('td', { class: 'difference', text: row.difference === null ? '' : (row.difference > 0 ? '+' : '') + row.difference }),
      el('td', {}, el('ul', { class: 'plain' }, explanations(row))),
      el('td', {}, [...new Set(row.sources || [])].flatMap((source, index) => [index ? ', ' : '', sourceLink(source)]))];
    cells.forEach((cell, index) => cell.setAttribute('data-label', headings[index]));
    return el('tr', { class: differs ? 'differs' : null }, cells);
  }));
  // Each source once, under the table, with its title or its link; the table's cells link to it.
  const sources = [...new Set(reconciliation.rows.flatMap(row => row.sources || []))].sort();
  $('#sources-list').replaceChildren(...sources.map(source => el('li', { id: sourceId(source) }, sourceOf(source))));
}

const sourceId = source => 'source-' + source.replace(/[^A-Za-z0-9]+/g, '-');
const sourceLink = source => el('a', { href: '#' + sourceId(source), class: 'recorded' }, source);

/** Why a figure differs, sentence by sentence, in our language; a source's own note is recorded data. */
function explanations(row) {
  const phrases = row.explanations || (row.explanation || []).map(text => ({ message: text, params: [] }));
  return phrases.map(item => {
    if (item.code === 'reconciliation.note') {
      return el('li', {}, tNodes('sourceNote', { sources: recorded(item.params[0]) }), ' ', recorded(item.params[1], 'q'));
    }
    return el('li', {}, phrase(item));
  });
}

/** A published figure's source: the article's title where the shipped history numbers it, a link where it is one. */
function sourceOf(source) {
  if (/^https?:\/\//.test(source)) return el('a', { href: source, rel: 'noopener noreferrer', class: 'recorded' }, source);
  const title = (window.SOURCES || {})[source];
  return title ? el('span', {}, el('strong', { text: source }), ' · ', recorded(title)) : recorded(source);
}

/** Round steps of 1, 2 or 5 times a power of ten, about four of them up to the largest value. */
function niceTicks(largest) {
  const max = Math.max(10, largest);
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map(m => m * power).find(candidate => candidate >= rough);
  const top = Math.ceil(max / step) * step;
  const ticks = [];
  for (let value = 0; value <= top; value += step) ticks.push(value);
  return { top, ticks };
}

/**
 * Bars of new and repeat regions per year as recorded; lines of distinct regions so far, as published (solid) and as
 * recorded (dashed). SVG in the card's own pixels (redrawn when it resizes), so its text keeps its size on a phone.
 */
function drawChart() {
  if (!state.chart) return;
  const { rows, published } = state.chart;
  const container = $('#chart');
  const width = Math.max(280, Math.floor(container.clientWidth || 640));
  const height = width < 520 ? 230 : 280, left = 44, right = 8, bottom = 26, top = 24;
  const largest = Math.max(0, ...Object.values(published).filter(() => rows.length), ...rows.map(row =>
    Math.max(row.cumulativeDistinct, row.selectedAsNew + row.repeatEngagements)));
  const { top: max, ticks } = niceTicks(largest);
  const step = (width - left - right) / Math.max(1, rows.length);
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
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('chartLabel'));
  ticks.forEach(value => {
    svg.append(node('line', { x1: left, x2: width - right, y1: y(value), y2: y(value), class: 'grid' }));
    svg.append(node('text', { x: left - 6, y: y(value) + 4, 'text-anchor': 'end', class: 'axis' }, value));
  });
  const recordedLine = [], announced = [];
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
    // On a narrow chart every other year is labelled, so that labels never run into each other.
    if (step >= 34 || index % 2 === 0) {
      group.append(node('text', { x: center, y: height - 8, 'text-anchor': 'middle', class: 'axis' }, row.year));
    }
    svg.append(group);
    recordedLine.push([center, y(row.cumulativeDistinct)]);
    if (published[row.year] !== undefined) announced.push([center, y(published[row.year]), published[row.year]]);
  });
  const polyline = (points, cls) => node('polyline', { points: points.map(point => point[0] + ',' + point[1]).join(' '), class: cls });
  if (rows.length) {
    svg.append(polyline(recordedLine, 'line recorded-line'));
    svg.append(polyline(announced, 'line'));
  }
  announced.forEach(point => {
    svg.append(node('circle', { cx: point[0], cy: point[1], r: 3.5, class: 'point' }));
    svg.append(node('text', { x: point[0], y: Math.max(14, point[1] - 8), 'text-anchor': 'middle', class: 'value' }, point[2]));
  });
  container.replaceChildren(svg);
}

async function drawCohorts(run) {
  const totals = await api(withWhen('/api/reports/annual-totals'));
  if (run !== state.run) return;
  const years = totals.rows.filter(row => row.engagements > 0 || row.withdrawals > 0).map(row => String(row.year));
  const select = $('#cohort-year');
  const chosen = years.includes(select.value) ? select.value : years[years.length - 1];
  select.replaceChildren(...years.map(year => el('option', { value: year, text: year })));
  if (!chosen) {
    CLEAR.cohorts();
    say('#cohorts-message', t('noCohorts'), 'empty');
    return;
  }
  select.value = chosen;
  await loadCohort(chosen);
}

async function loadCohort(year) {
  try {
    state.cohortRows = (await api(withWhen('/api/cohorts/' + year))).rows;
  } catch (e) {
    CLEAR.cohorts();
    say('#cohorts-message', problemText(e));
    return;
  }
  options('#cohort-province', state.cohortRows.map(row => row.provinceName));
  options('#cohort-mentor', state.cohortRows.flatMap(row => row.institutions || []));
  options('#cohort-pillar', PILLARS, true);
  filterCohort();
}

function options(selector, values, translated = false) {
  const select = $(selector);
  const kept = select.value;
  const unique = [...new Set(values.filter(Boolean))].sort();
  select.replaceChildren(el('option', { value: '', text: t('all') }), ...unique.map(value =>
    el('option', { value, class: translated ? null : 'recorded', text: translated ? t('P_' + value) : value })));
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
  $('#cohort tbody').replaceChildren(...rows.map(row => el('tr', { 'data-code': row.code,
    class: 'status-' + row.status + (row.status === 'WITHDRAWN' ? ' withdrawn' : '') },
    el('td', {}, el('a', { href: '#region/' + row.code, text: row.code })), el('th', { scope: 'row' }, recorded(row.name)),
    el('td', {}, recorded(row.provinceName)), el('td', { text: t(row.type) }),
    el('td', {}, row.status === 'WITHDRAWN' ? el('span', { class: 'badge withdrawn', text: t(row.status) }) : t(row.status)),
    el('td', {}, recorded((row.institutions || []).join(', '))),
    el('td', { text: (row.pillars || []).map(value => t('P_' + value)).join(', ') }))));
  $('#cohort-count').textContent = t('cohortCount', { shown: rows.length, total: state.cohortRows.length });
}

async function downloadCohort() {
  const year = $('#cohort-year').value;
  if (!year) return;
  try {
    const response = await fetch(withWhen('/api/cohorts/' + year), { headers: headers('text/csv') });
    if (!response.ok) throw new Problem(response.status, await response.json().catch(() => ({})));
    save(await response.blob(), 'cohort-' + year + '.csv');
  } catch (e) {
    say('#cohorts-message', problemText(e));
  }
}

function save(blob, name) {
  const link = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

async function drawRegion(run) {
  const code = $('#region-code').value.trim();
  $('#region-error').textContent = '';
  if (!code) {
    $('#region-dossier').replaceChildren();
    say('#region-message', t('regionHint'), 'empty');
    return;
  }
  let region;
  try {
    region = await api(withWhen('/api/regions/' + encodeURIComponent(code)));
  } catch (e) {
    if (e.status !== 404) throw e;
    $('#region-dossier').replaceChildren();
    $('#region-error').textContent = t('notFound');
    return;
  }
  if (run !== state.run) return;
  const engagements = region.engagements || [];
  const header = el('div', { class: 'dossier-head' },
    el('h2', { id: 'region-name' }, recorded(region.name), ' (' + region.code + ')'),
    el('p', {}, t(region.kind), region.provinceName ? [' · ', recorded(region.provinceName)] : ''),
    // The ledger's own figure: a withdrawn engagement is not assistance.
    el('p', { class: region.assistedTimes > 1 ? 'badge repeated' : 'badge', id: 'assisted' },
      (region.assistedTimes === 1 ? t('assistedOnce') : t('assistedTimes', { n: region.assistedTimes }))
        + (region.assistedTimes > 1 ? ' · ' + t('repeated') : '')));
  const strip = el('ol', { class: 'engagements', 'aria-label': t('engagements') }, engagements.map(engagement =>
    el('li', { class: 'engagement ' + engagement.type + (engagement.status === 'WITHDRAWN' ? ' withdrawn' : ''),
      'data-year': engagement.cohortYear },
      el('strong', { text: engagement.cohortYear }), ' ', t(engagement.type), ' · ', t(engagement.status),
      (engagement.institutions || []).length ? [' · ', recorded(engagement.institutions.join(', '))] : '')));
  const timeline = [...(region.timeline || [])].sort((a, b) => a.position - b.position);
  const keys = ['position', 'date', 'event', 'summary', 'recordedBy', 'recordedAt'];
  const table = el('table', { class: 'data reflow', id: 'timeline' },
    el('caption', { text: t('timeline') }),
    el('thead', {}, el('tr', {}, keys.map(key => el('th', { scope: 'col', text: t(key) })))),
    el('tbody', {}, timeline.map(entry => el('tr', { 'data-position': entry.position, 'data-event': entry.event },
      [el('td', { text: entry.position }), el('td', {}, entry.date ? time(entry.date, formatDate(entry.date)) : ''),
        el('td', {}, entry.eventName ? entry.eventName.message : entry.event),
        el('td', {}, phrase(entry.what, entry.summary)), el('td', {}, recorded(entry.recordedBy || '')),
        el('td', {}, entry.recordedAt ? time(entry.recordedAt, formatInstant(entry.recordedAt)) : '')]
        .map((cell, index) => { cell.setAttribute('data-label', t(keys[index])); return cell; })))));
  $('#region-dossier').replaceChildren(header, strip, table);
  if (!timeline.length) say('#region-message', t('noTimeline'), 'empty');
}

// --- audit ---------------------------------------------------------------------------------------------------------

async function drawAudit(run) {
  const digest = await api('/api/audit/digest');
  if (run !== state.run) return;
  state.digest = digest;
  showDigest(digest, digest.lastVerification);
  await drawEvents();
}

/** The digest and its token; if the last verification found the log broken, the digest says so where it is shown. */
function showDigest(digest, last) {
  const broken = last && last.status === 'BROKEN';
  $('#digest-panel').classList.toggle('broken', !!broken);
  $('#digest-warning').textContent = broken ? t('digestOfBrokenLog') : '';
  $('#download-token').disabled = !!broken;
  const facts = [['treeSize', digest.treeSize], ['headHash', el('code', {}, digest.headHash)],
    ['root', el('code', {}, digest.root)],
    ['at', time(digest.at, formatInstant(digest.at))], ['token', el('code', { id: 'digest-token-code' }, digest.token)]];
  const lastText = last ? [t('status_' + last.status) + ' · ', time(last.at, formatInstant(last.at))]
    : t('notVerifiedYet');
  $('#digest').replaceChildren(...facts.flatMap(([key, value]) => [
    el('dt', { text: t(key) }), el('dd', { id: 'digest-' + key, class: key === 'headHash' || key === 'root' ? 'hash' : null }, value)]),
    el('dt', { text: t('lastVerification') }),
    el('dd', { id: 'digest-last', class: last && !last.status.startsWith('OK') ? 'bad' : null }, lastText));
}

function downloadToken() {
  if (!state.digest) return;
  save(new Blob([state.digest.token + '\n'], { type: 'text/plain' }), 'ledger-digest-' + state.digest.treeSize + '.txt');
}

async function drawEvents() {
  const page = await api('/api/audit/events?from=' + state.eventsFrom + '&limit=' + state.eventsPage);
  const events = page.events || [];
  const last = state.digest && state.digest.lastVerification;
  const brokenAt = last && last.status === 'BROKEN' ? Number((/position (\d+)/.exec(last.detail) || [])[1]) : null;
  $('#events tbody').replaceChildren(...events.map(event => el('tr', { 'data-position': event.position,
    class: brokenAt && event.position >= brokenAt ? 'broken-row' : null },
    el('td', { text: event.position }), el('td', {}, el('code', {}, String(event.type || '').split('.').pop())),
    el('td', { text: event.aggregateId || '' }), el('td', {}, recorded((event.metadata || {}).principal || '')),
    el('td', {}, (event.metadata || {}).recordedAt ? time(event.metadata.recordedAt, formatInstant(event.metadata.recordedAt)) : ''),
    el('td', { class: 'hash', title: event.hash }, el('code', {}, (event.hash || '').slice(0, 16) + '…')))));
  if (!events.length) say('#audit-message', t('noEvents'), 'empty');
  const lastPosition = events.length ? events[events.length - 1].position : state.eventsFrom - 1;
  $('#events-page').textContent = t('eventsPage', { from: state.eventsFrom, to: lastPosition, head: page.head });
  $('#events-previous').disabled = state.eventsFrom <= 1;
  $('#events-next').disabled = page.next === null || page.next === undefined;
  state.eventsNext = page.next;
}

/** A verification's outcome in words: OK, or broken where and how, or read models that differ. */
function verification(answer, kept) {
  if (answer.status === 'OK') {
    return { ok: true, text: kept ? t('extendsDigest', { size: kept, n: answer.verified })
      : t('verifiedOk', { n: answer.verified }) };
  }
  if (answer.status === 'BROKEN') {
    return { ok: false, text: t('broken', { position: answer.position, kind: t('kind_' + answer.kind) }) };
  }
  const outcomes = Array.isArray(answer.readModels) ? answer.readModels : [];
  const detail = outcomes.filter(outcome => outcome.status !== 'MATCHES').map(outcome => outcome.readModel).join(', ');
  return { ok: false, text: t(answer.status === 'READ_MODEL_DIFFERS' ? 'readModelsDiffer' : 'incomplete', { detail }) };
}

async function verify() {
  const result = $('#verify-result');
  result.textContent = t('verifying');
  result.className = 'result';
  try {
    const answer = await api('/api/audit/verify');
    const outcome = verification(answer);
    result.textContent = outcome.text;
    result.className = 'result ' + (outcome.ok ? 'ok' : 'broken');
    const digest = answer.digest || state.digest;
    if (digest) {
      state.digest = Object.assign({}, digest, { lastVerification: { status: answer.status, at: new Date().toISOString(),
        detail: answer.status === 'BROKEN' ? 'position ' + answer.position : '' } });
      showDigest(state.digest, state.digest.lastVerification);
      await drawEvents();
    }
  } catch (e) {
    result.textContent = problemText(e);
    result.className = 'result broken';
  }
}

/** Verifies the log against a digest kept earlier: its token pasted, or the file the dashboard (or the API) gave. */
async function verifyAgainstKept(event) {
  event.preventDefault();
  const result = $('#kept-result');
  let text = $('#kept-digest').value.trim();
  const file = $('#kept-digest-file').files[0];
  if (!text && file) text = (await file.text()).trim();
  if (text.startsWith('{')) {
    try { text = JSON.parse(text).token || ''; } catch (e) { /* not JSON after all: the ledger will say so */ }
  }
  result.textContent = t('verifying');
  result.className = 'result';
  try {
    const answer = await api('/api/audit/verify?' + new URLSearchParams({ digest: text.split(/\s+/)[0] || '' }));
    const kept = Number((text.split(':')[1]) || 0);
    const outcome = verification(answer, kept);
    result.textContent = outcome.text;
    result.className = 'result ' + (outcome.ok ? 'ok' : 'broken');
  } catch (e) {
    result.textContent = problemText(e);
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
    el('div', { class: 'result', role: 'status', id: 'import-result' }));
  importForm.addEventListener('submit', event => { event.preventDefault(); importFile(importForm); });
  $('#command-forms').replaceChildren(...forms, importForm);
}

function field(formId, spec) {
  const [name, type = 'text', multiple = false] = Array.isArray(spec) ? spec : [spec];
  const id = formId + '-' + name;
  let input;
  if (Array.isArray(type)) {
    input = el('select', { id, name, multiple: multiple || null, size: multiple ? type.length : null },
      type.map(value => el('option', { value, text: TEXTS[state.lang][value] || t('P_' + value) })));
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
  result.textContent = '';
  const v = values(form);
  try {
    const accepted = await api(command.path(v), { method: 'POST', body: JSON.stringify(command.body(v)),
      headers: { 'Content-Type': 'application/json', 'X-Client-Application': 'dashboard',
        'Idempotency-Key': crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random() } });
    result.replaceChildren(...acceptedText(accepted.type, accepted.position));
    state.atLeast = Math.max(state.atLeast, accepted.position);
    result.classList.add('ok');
    $('#region-code').value = v.code;
  } catch (e) {
    const problem = e.body || {};
    // A refusal names its rule; shown beside the field it concerns (the region, unless the problem names a field).
    const errors = problem.errors && problem.errors.length ? problem.errors
      : [{ field: 'code', message: problem.message || problem.detail || e.message }];
    errors.forEach(error => {
      const target = form.querySelector('#' + command.id + '-' + String(error.field).split('.')[0] + '-error')
        || form.querySelector('#' + command.id + '-code-error');
      target.append(target.childNodes.length ? ' ' : '', error === errors[0] && !problem.errors ? error.message
        : el('span', { lang: 'en' }, error.message), problem.code ? ' [' + problem.code + ']' : '');
    });
    result.replaceChildren(refusal(e));
    result.classList.add('broken');
  }
}

/** "Accepted: RegionSelected at position 349.": the event's type is a code, as the API names it. */
function acceptedText(type, position) {
  const [before, after] = t('accepted', { type: '\u0000', position }).split('\u0000');
  return [before, el('code', { text: type }), after];
}

/** A refusal: the rule in our language, and the ledger's own detail (English) beside it, marked as English. */
function refusal(e) {
  const problem = e.body || {};
  if (e.status === 403 || e.status === 401 || e.status === 0) return document.createTextNode(problemText(e));
  return el('span', {}, t('refused', { code: problem.code || e.status, detail: problem.message || '' }),
    problem.detail && problem.detail !== problem.message ? [' ', el('span', { lang: 'en', class: 'detail' }, problem.detail)] : '');
}

async function importFile(form) {
  const file = form.querySelector('input[type=file]').files[0];
  const result = form.querySelector('.result');
  if (!file) return;
  result.className = 'result';
  result.textContent = t('loading');
  try {
    const answer = await api('/api/imports', { method: 'POST', body: await file.text(),
      headers: { 'Content-Type': 'application/x-ndjson', 'X-Client-Application': 'dashboard' } });
    result.textContent = t('imported', { n: answer.imported });
    state.atLeast = Math.max(state.atLeast, answer.lastPosition || 0);
    result.className = 'result ok';
  } catch (e) {
    result.className = 'result broken';
    const lines = (e.body || {}).lines;
    if (!Array.isArray(lines)) {
      result.replaceChildren(refusal(e));
      return;
    }
    // An import is all or nothing: say how many lines were refused, and why, line by line.
    const refused = lines.filter(line => line.status === 'refused');
    const shown = refused.slice(0, 20);
    result.replaceChildren(el('p', { text: t('importRefused', { refused: refused.length, lines: lines.length }) }),
      el('ul', { class: 'refusals' }, shown.map(line => el('li', { 'data-line': line.line },
        el('strong', { text: t('line', { line: line.line }) }), ': ', line.message || '', ' [' + (line.rule || line.code) + '] ',
        el('span', { lang: 'en', class: 'detail' }, line.detail || '')))),
      refused.length > shown.length ? el('p', { text: t('andMore', { n: refused.length - shown.length }) }) : '');
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
      showWho();
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
  $('#region-form').addEventListener('submit', event => { event.preventDefault(); refresh(); });
  $('#verify').addEventListener('click', verify);
  $('#download-token').addEventListener('click', downloadToken);
  $('#kept-form').addEventListener('submit', verifyAgainstKept);
  $('#events-previous').addEventListener('click', () => {
    state.eventsFrom = Math.max(1, state.eventsFrom - state.eventsPage);
    drawEvents().catch(e => say('#audit-message', problemText(e)));
  });
  $('#events-next').addEventListener('click', () => {
    if (state.eventsNext) state.eventsFrom = state.eventsNext;
    drawEvents().catch(e => say('#audit-message', problemText(e)));
  });
  // The chart is drawn in the card's own pixels: a turned phone or a resized window redraws it.
  let resizing = null;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(drawChart, 100);
  });
}

document.addEventListener('DOMContentLoaded', wire);
