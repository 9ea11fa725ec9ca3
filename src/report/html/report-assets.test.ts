import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadReportAssets } from './report-assets.js';

describe('loadReportAssets', () => {
  it("reads uPlot's IIFE build and stylesheet from the installed package", async () => {
    const assets = await loadReportAssets();
    const installed = (file: string) =>
      readFile(new URL(`../../../node_modules/uplot/dist/${file}`, import.meta.url), 'utf8');
    expect(assets.uplotScript).toBe(await installed('uPlot.iife.min.js'));
    expect(assets.uplotScript).toContain('var uPlot=function(){');
    expect(assets.uplotCss).toBe(await installed('uPlot.min.css'));
  });

  it('gives a client script that compiles as a classic script and starts the report', async () => {
    const { clientScript } = await loadReportAssets();
    expect(() => new Function(clientScript)).not.toThrow();
    expect(clientScript).toMatch(/^\(function \(\) \{\n'use strict';\nfunction startReport\(win\)/);
    expect(clientScript.endsWith('\nstartReport(window);\n})();\n')).toBe(true);
    expect(clientScript).not.toMatch(/\bimport\b|\brequire\(|__vite|\bexports\b/);
  });
});
