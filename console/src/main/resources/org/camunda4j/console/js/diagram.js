// A BPMN diagram (bpmn-js's navigated viewer) with counts and markers on its elements.
import { h } from './dom.js';

/** Renders xml into container; returns a handle whose mark() repaints overlays and markers. */
export async function diagram(container, xml) {
  const viewer = new window.BpmnJS({ container });
  await viewer.importXML(xml);
  const canvas = viewer.get('canvas');
  const overlays = viewer.get('overlays');
  const registry = viewer.get('elementRegistry');
  canvas.zoom('fit-viewport', 'auto');
  let marked = [];

  return {
    /**
     * states: {active: Map(id -> n), incidents: Map(id -> n), passed: Set(id)}. Active elements
     * get a count badge (bottom left), incidents a red one (bottom right); passed ones a tint.
     */
    mark({ active = new Map(), incidents = new Map(), passed = new Set() }) {
      overlays.clear();
      for (const [id, marker] of marked) canvas.removeMarker(id, marker);
      marked = [];
      const mark = (id, marker) => {
        if (!registry.get(id)) return;
        canvas.addMarker(id, marker);
        marked.push([id, marker]);
      };
      for (const id of passed) mark(id, 'c4j-passed');
      // A sequence flow between two visited elements was taken (the REST API records no flows).
      const visited = id => passed.has(id) || active.has(id) || incidents.has(id);
      for (const flow of registry.filter(e => e.type === 'bpmn:SequenceFlow')) {
        if (visited(flow.source?.id) && visited(flow.target?.id)) mark(flow.id, 'c4j-taken');
      }
      for (const [id, count] of active) {
        if (!registry.get(id) || count === 0) continue;
        mark(id, 'c4j-active');
        overlays.add(id, { position: { bottom: 8, left: -8 }, html: h('span', { class: 'count active', 'data-element': id, title: `${count} active` }, count) });
      }
      for (const [id, count] of incidents) {
        if (!registry.get(id) || count === 0) continue;
        mark(id, 'c4j-incident');
        overlays.add(id, { position: { bottom: 8, right: 8 }, html: h('span', { class: 'count incident', 'data-element': id, title: `${count} incident(s)` }, count) });
      }
    },
    elementName(id) {
      return registry.get(id)?.businessObject?.name || id;
    },
    destroy() {
      viewer.destroy();
    },
  };
}

/** Counts items by a key. */
export function countBy(items, key) {
  const counts = new Map();
  for (const item of items) counts.set(item[key], (counts.get(item[key]) ?? 0) + 1);
  return counts;
}
