/**
 * odata2ts's configuration for `npm run clients:generate` (which passes `--mode service --emit-mode ts`):
 * the service client as TypeScript, from OrgChart.edmx into generated/odata2ts. A plain object: the
 * generator is fetched by npx, not installed, so its types are not importable here.
 */
export default {
  services: {
    orgChart: {
      source: 'OrgChart.edmx',
      output: 'generated/odata2ts',
      serviceName: 'OrgChart',
      // odata2ts 0.34 does not read Core.Computed: the timestamps the server sets are not the caller's to send
      propertiesByName: [{ name: /^(CreatedAt|UpdatedAt)$/, managed: true }],
    },
  },
};
