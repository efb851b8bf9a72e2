'use client';

import dynamic from 'next/dynamic';
import { useEffect, type ComponentType } from 'react';

// Each page's body is its own chunk, outside the first-load JavaScript (issue 13: <= 150 KB gzip, of
// which React DOM and the Next runtime take about 134 KB and react-query 12 KB). The body still renders
// on the server with its prefetched data, so the first data is in the HTML and painted before any of
// this code runs; Next preloads the chunk with the page and the body hydrates when it arrives, while the
// header and navigation are already live.
//
// No `loading` fallback (and no route-level loading.tsx): either is a Suspense boundary, and a document
// whose body sat in one streamed the body after the shell; React holds a streamed boundary's reveal
// until 300 ms after the fallback's paint, which put the server-rendered first data on screen about
// 400 ms after the HTML had arrived. Without a boundary the body comes inline with the shell, and a
// client-side navigation keeps the previous page on screen until the new body's chunk is in.

/**
 * The body, marking `<html data-page-ready>` once it has hydrated (its effects run after its whole
 * subtree's): until then the server's HTML shows data but ignores input. Browser tests wait on it.
 */
function withReadyMark<P extends object>(Body: ComponentType<P>): ComponentType<P> {
  function PageBody(props: P) {
    useEffect(() => {
      document.documentElement.dataset.pageReady = 'true';
      return () => {
        delete document.documentElement.dataset.pageReady;
      };
    }, []);
    return <Body {...props} />;
  }
  return PageBody;
}

export const ExecutiveDashboard = dynamic(() => import('./dashboard/executive-dashboard').then((m) => withReadyMark(m.ExecutiveDashboard)));
export const OncallDashboard = dynamic(() => import('./dashboard/oncall-dashboard').then((m) => withReadyMark(m.OncallDashboard)));
export const DebugDashboard = dynamic(() => import('./dashboard/debug-dashboard').then((m) => withReadyMark(m.DebugDashboard)));
export const GraphView = dynamic(() => import('./graph/graph-view').then((m) => withReadyMark(m.GraphView)));
export const SloList = dynamic(() => import('./slo/slo-list').then((m) => withReadyMark(m.SloList)));
export const SloDetail = dynamic(() => import('./slo/slo-detail').then((m) => withReadyMark(m.SloDetail)));
export const SloEdit = dynamic(() => import('./slo/slo-edit').then((m) => withReadyMark(m.SloEdit)));
export const ReportView = dynamic(() => import('./report/report-view').then((m) => withReadyMark(m.ReportView)));
export const MaintenanceView = dynamic(() => import('./maintenance/maintenance-view').then((m) => withReadyMark(m.MaintenanceView)));
export const MeshAlertSettings = dynamic(() => import('./settings/mesh-alert-settings').then((m) => withReadyMark(m.MeshAlertSettings)));
