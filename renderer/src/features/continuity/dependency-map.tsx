/**
 * Processes and what they depend on, as a graph (@xyflow/react), laid out by ELK's layered
 * algorithm (loaded on first use; our own layered layout if it cannot run). Single points of
 * failure are drawn in the alarm colour AND carry a label with an icon; the list beside the
 * map says why each counts. Click a process — or focus it and press Enter — to open it.
 */
import { Background, Controls, Handle, MarkerType, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { DependencyMap, ReadinessGap } from '../../../../shared/continuity';
import { useQuery } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import { ScoreChip } from './badges';
import { useContinuity } from './continuity-store';
import { formatHours } from './durations';
import { elkGraph, layeredLayout, nodeHeight, nodeWidth, positionsFromElk, type MapNode, type Point } from './map-layout';

const kindWords: Record<MapNode['kind'], string> = { process: 'Process', person: 'Person', system: 'System', site: 'Site', vendor: 'Vendor' };

type ItemNode = Node<{ item: MapNode; gaps: readonly ReadinessGap[] }, 'item'>;

function ItemNodeView({ data }: NodeProps<ItemNode>) {
  const { item: n, gaps } = data;
  return (
    <div className={`cont-map-node kind-${n.kind}${n.singlePointOfFailure ? ' spof' : ''}`} style={{ width: nodeWidth, height: nodeHeight }}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="cont-map-node-top">
        <span className="cont-map-kind">{n.kind === 'process' ? `Tier ${n.tier ?? '?'} process` : kindWords[n.kind]}</span>
        {n.kind === 'process' ? <ScoreChip score={n.score} gaps={gaps} /> : n.recoveryHours !== null ? <span className="cont-map-rec">{formatHours(n.recoveryHours)}</span> : null}
      </div>
      <div className="cont-map-label" title={n.label}>
        {n.label}
      </div>
      {n.singlePointOfFailure ? (
        <div className="cont-map-spof">
          <span aria-hidden="true">⚠</span> Single point of failure
        </div>
      ) : null}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

const nodeTypes = { item: ItemNodeView };

type Layout = { status: 'working' } | { status: 'done'; positions: Map<string, Point>; engine: 'elk' | 'layered' };

/** ELK's layout of the map, or ours when ELK cannot load or run. */
function useLayout(map: DependencyMap | null): Layout {
  const [layout, setLayout] = useState<Layout>({ status: 'working' });
  const key = map ? JSON.stringify({ n: map.nodes.map((n) => n.id), e: map.edges.map((e) => [e.from, e.to]) }) : '';
  useEffect(() => {
    if (!map) return;
    let live = true;
    setLayout((l) => (l.status === 'done' ? l : { status: 'working' }));
    import('elkjs/lib/elk.bundled.js')
      .then(async ({ default: ELK }) => {
        const laidOut = await new ELK().layout(elkGraph(map));
        const positions = positionsFromElk(map, laidOut);
        if (!positions) throw new Error('ELK left nodes out');
        if (live) setLayout({ status: 'done', positions, engine: 'elk' });
      })
      .catch(() => {
        if (live) setLayout({ status: 'done', positions: layeredLayout(map), engine: 'layered' });
      });
    return () => {
      live = false;
    };
    // The layout depends on the graph's shape only; labels and scores do not move nodes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return layout;
}

export function DependencyMapView() {
  const query = useQuery('continuity.map', {});
  const map = query.data;
  // The processes' gaps, so a node's band agrees with the list (nothing with a high gap is "Ready").
  const overview = useQuery('continuity.overview', {}).data;
  const layout = useLayout(map);
  const openProcess = useContinuity((s) => s.openProcess);

  const { nodes, edges } = useMemo(() => {
    if (!map || layout.status !== 'done') return { nodes: [] as ItemNode[], edges: [] as Edge[] };
    const nodes: ItemNode[] = map.nodes.map((n) => ({
      id: n.id,
      type: 'item',
      position: layout.positions.get(n.id) ?? { x: 0, y: 0 },
      data: { item: n, gaps: overview?.processes.find((p) => p.id === n.refId)?.readiness.gaps ?? [] },
      draggable: false,
      connectable: false,
      ariaLabel: `${n.kind === 'process' ? `Process ${n.label}, tier ${n.tier}, readiness ${n.score}` : `${kindWords[n.kind]} ${n.label}`}${n.singlePointOfFailure ? ', single point of failure' : ''}`,
      className: n.singlePointOfFailure ? 'spof' : undefined,
    }));
    const edges: Edge[] = map.edges.map((e) => ({
      id: e.id,
      source: e.from,
      target: e.to,
      // Only the edges that break an RTO are labelled: every node already shows its recovery time,
      // and a label on every edge buries the ones that matter.
      label: e.exceedsRto ? `${formatHours(e.effectiveRecoveryHours)} · exceeds RTO` : undefined,
      className: e.exceedsRto ? 'exceeds' : undefined,
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      focusable: false,
    }));
    return { nodes, edges };
  }, [map, layout, overview]);

  const byNodeId = useMemo(() => new Map((map?.nodes ?? []).map((n) => [n.id, n])), [map]);
  const open = (nodeId: string | undefined) => {
    const n = nodeId ? byNodeId.get(nodeId) : undefined;
    if (n?.kind === 'process') openProcess(n.refId);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    const el = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
    if (!el) return;
    e.preventDefault();
    open(el.dataset.id);
  };

  return (
    <div className="cont-map-layout">
      <section className="panel cont-map-panel" aria-label="Dependency map">
        <ErrorBanner message={query.error} />
        <div className="cont-map" onKeyDown={onKeyDown} data-layout={layout.status === 'done' ? layout.engine : 'working'}>
          {map && map.nodes.length === 0 ? (
            <p className="empty-state cont-pad">No processes yet: add processes and their dependencies to see the map.</p>
          ) : layout.status !== 'done' ? (
            <p className="loading cont-pad">Laying out the map…</p>
          ) : (
            <ReactFlow
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              onNodeClick={(_, node) => open(node.id)}
              nodesDraggable={false}
              nodesConnectable={false}
              elementsSelectable
              fitView
              // Opens with the whole map in view (nothing cropped), but never fitted below 60%, where
              // labels stop being readable: a bigger map scrolls (wheel pans, Ctrl+wheel or the buttons zoom).
              fitViewOptions={{ padding: 0.06, minZoom: 0.6, maxZoom: 1.1 }}
              minZoom={0.2}
              panOnScroll
              proOptions={{ hideAttribution: true }}
            >
              <Background gap={24} />
              <Controls showInteractive={false} />
            </ReactFlow>
          )}
        </div>
        <p className="muted cont-map-legend">
          <span className="cont-legend-item">
            <span className="cont-legend-swatch process" aria-hidden="true" /> Process (readiness)
          </span>
          <span className="cont-legend-item">
            <span className="cont-legend-swatch resource" aria-hidden="true" /> Person, system, site or vendor (recovery time)
          </span>
          <span className="cont-legend-item">
            <span className="cont-legend-swatch spof" aria-hidden="true" /> ⚠ Single point of failure
          </span>
          <span className="cont-legend-item">
            <span className="cont-legend-line" aria-hidden="true" /> Red line: recovery slower than the process’s RTO
          </span>
          <span>Click a process, or focus it (Tab) and press Enter, to open it.</span>
        </p>
      </section>
      <aside className="panel cont-card cont-spof-list" aria-label="Single points of failure">
        <h3>
          Single points of failure <span className="muted">{map ? map.singlePointsOfFailure.length : ''}</span>
        </h3>
        {map && map.singlePointsOfFailure.length === 0 ? <p className="cont-ok">✓ None found.</p> : null}
        <ul>
          {(map?.singlePointsOfFailure ?? []).map((s) => (
            <li key={s.nodeId} data-spof={s.name}>
              <strong>
                <span aria-hidden="true">⚠ </span>
                {s.name}
              </strong>{' '}
              <span className="muted">{kindWords[s.kind]}</span>
              <p>{s.reason}</p>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
