import { expect } from 'chai';
import { contextUrl, formatEntity, type CollectionPage, type FormatOptions } from '../../odata/format';
import { entitySet } from '../../odata/model';
import { planRead } from '../../odata/plan/plan-read';
import { parseQueryOptions, parseResourcePath } from '../../odata/parse/parse-query-options';
import { ROWS_PER_CHUNK, serializeCollection, serializeCollectionChunks, utf8Body } from '../../odata/serialize';
import { DEFAULT_LIMITS } from '../../server/config';

/** The oracle: the page as objects, each row formatted by formatEntity (what JSON.stringify of the page would give). */
function formatCollection(plan: ReturnType<typeof planRead>, page: CollectionPage, opts: FormatOptions): Record<string, unknown> {
  const body: Record<string, unknown> = { '@odata.context': contextUrl(plan, opts.serviceRoot) };
  if (page.count !== undefined) body['@odata.count'] = opts.ieee754Compatible ? String(page.count) : page.count;
  body.value = page.rows.map((row) => formatEntity(row, plan.select, opts));
  if (page.nextLink) body['@odata.nextLink'] = page.nextLink;
  return body;
}

const plan = (url: string) => {
  const [path = '', query = ''] = url.split('?');
  return planRead({ segments: parseResourcePath(path).segments, options: parseQueryOptions(query).options, limits: DEFAULT_LIMITS, skipTokenSecret: 's' }, entitySet);
};
const options = (over: Partial<FormatOptions> = {}): FormatOptions => ({ serviceRoot: 'http://h/odata', ieee754Compatible: false, omitNulls: false, ...over });

/** Rows as the read compiler returns them (property names, bigint ids as strings), with awkward values. */
const ROWS = [
  {
    Id: '7', CompanyId: 1, UserName: 'o"neil\\x', Email: null, FirstName: 'Zoë', LastName: 'line\nbreak\u2028', DisplayName: '</script>',
    ExternalId: null, Organization: 'Org', Business: null, Department: 'Platform', Group: null, Team: null,
    IsAdministrator: false, IsActive: true, CreatedAt: '2024-01-31T10:00:00.123Z', UpdatedAt: new Date('2024-02-01T00:00:00Z'), __etag: '3',
  },
  { Id: '9007199254740993', CompanyId: 2, UserName: 'big', IsAdministrator: true, IsActive: false, CreatedAt: '2024-01-31 10:00:00+00', __etag: null },
];

/** Fresh copies: serializeCollection may rewrite the driver's rows in place. */
const copyRows = () => ROWS.map((row) => ({ ...row }));

describe('serializeCollection (rows → OData JSON text)', () => {
  it('writes exactly the expected text for a small page', () => {
    const text = serializeCollection(plan('Users?$select=Id,FirstName,IsActive,CreatedAt'),
      { rows: [{ Id: '5', FirstName: 'A"b', IsActive: true, CreatedAt: '2024-01-31T10:00:00.123Z', __etag: '2' }], count: 12, nextLink: 'http://h/odata/Users?$skiptoken=x' },
      options());
    expect(text).to.equal('{"@odata.context":"http://h/odata/$metadata#Users(Id,FirstName,IsActive,CreatedAt)","@odata.count":12,' +
      '"value":[{"@odata.etag":"W/\\"2\\"","Id":5,"FirstName":"A\\"b","IsActive":true,"CreatedAt":"2024-01-31T10:00:00.123Z"}],' +
      '"@odata.nextLink":"http://h/odata/Users?$skiptoken=x"}');
  });

  for (const [label, opts] of [
    ['default options', options()],
    ['IEEE754Compatible=true', options({ ieee754Compatible: true })],
    ['omit-values=nulls', options({ omitNulls: true })],
  ] as const) {
    it(`parses to the same document as formatCollection, key order included (${label})`, () => {
      for (const url of ['Users', 'Users?$select=UserName,Id', 'Users?$count=true']) {
        const p = plan(url);
        const page = () => ({ rows: copyRows(), count: p.count ? 2 : undefined, nextLink: url === 'Users' ? 'http://h/odata/Users?$skiptoken=abc' : undefined });
        const parsed = JSON.parse(serializeCollection(p, page(), opts)) as Record<string, unknown>;
        const expected = formatCollection(p, page(), opts);
        expect(parsed).to.deep.equal(expected);
        expect(JSON.stringify(parsed)).to.equal(JSON.stringify(expected));
      }
    });
  }

  it('writes the default options through JSON.stringify: numbers, ISO timestamps, etag first, no internal columns', () => {
    const rows = [{ Id: '5', CompanyId: 1, IsActive: true, CreatedAt: new Date('2024-01-31T10:00:00.123Z'), UpdatedAt: '2024-02-01 00:00:00+00', __etag: '4', __o0: '5' }];
    const text = serializeCollection(plan('Users?$select=Id,CompanyId,IsActive,CreatedAt,UpdatedAt,Email'), { rows }, options());
    expect(text).to.equal('{"@odata.context":"http://h/odata/$metadata#Users(Id,CompanyId,Email,IsActive,CreatedAt,UpdatedAt)","value":[' +
      '{"@odata.etag":"W/\\"4\\"","Id":5,"CompanyId":1,"Email":null,"IsActive":true,"CreatedAt":"2024-01-31T10:00:00.123Z","UpdatedAt":"2024-02-01T00:00:00.000Z"}]}');
  });

  it('writes an empty page as an empty array', () => {
    expect(JSON.parse(serializeCollection(plan('Users'), { rows: [] }, options()))).to.deep.equal({ '@odata.context': 'http://h/odata/$metadata#Users', value: [] });
  });

  it('leaves out the etag when the row has no version', () => {
    expect(serializeCollection(plan('Users?$select=Id'), { rows: [{ Id: '1' }] }, options()))
      .to.equal('{"@odata.context":"http://h/odata/$metadata#Users(Id)","value":[{"Id":1}]}');
  });

  it('writes rows with complex values whole, members in their stored order, the same document as formatCollection', () => {
    const projectRows = () => [
      {
        Id: '3', ProjectId: 'P-3', ProjectName: 'Atlas', Team: null, __etag: '2', __o0: '3',
        ProjectOwner: { LastName: 'Ng', Email: 'ann@x.example', FirstName: 'Ann' },
        Assets: { Services: [{ Name: 'api', Dependencies: ['db', 'queue'], Identifier: null }], Repositories: [{ Url: 'https://g/a', Name: 'a', Platform: 'github.com' }] },
      },
      { Id: '4', ProjectId: 'P-4', ProjectName: 'Bolt', Team: 'Core', __etag: '1', ProjectOwner: null, Assets: null },
    ];
    for (const opts of [options(), options({ omitNulls: true })]) {
      const p = plan('Projects?$select=Id,ProjectId,ProjectName,Team,ProjectOwner,Assets');
      const text = serializeCollection(p, { rows: projectRows() }, opts);
      const expected = formatCollection(p, { rows: projectRows() }, opts);
      expect(text).to.equal(JSON.stringify(expected));
    }
    const text = serializeCollection(plan('Projects?$select=Id,ProjectOwner'), { rows: projectRows().slice(0, 1) }, options());
    expect(text).to.equal('{"@odata.context":"http://h/odata/$metadata#Projects(Id,ProjectOwner)","value":[' +
      '{"@odata.etag":"W/\\"2\\"","Id":3,"ProjectOwner":{"LastName":"Ng","Email":"ann@x.example","FirstName":"Ann"}}]}');
  });

  it(`writes a page longer than ${ROWS_PER_CHUNK} rows in row-sized pieces that join to the same document`, () => {
    const many = () => Array.from({ length: ROWS_PER_CHUNK * 2 + 3 }, (_, i) => ({ ...ROWS[i % 2], Id: String(i + 1) }));
    for (const url of ['Users', 'Projects?$select=Id,ProjectOwner']) {
      const p = plan(url);
      const rows = url === 'Users' ? many() : many().map((r) => ({ Id: r.Id, ProjectOwner: { Email: `${r.Id}@x.example` }, __etag: '1' }));
      const chunks = [...serializeCollectionChunks(p, { rows: rows.map((r) => ({ ...r })), nextLink: 'http://h/n' }, options())];
      expect(chunks).to.have.length(5); // head, three pieces of rows, tail
      expect(chunks.join('')).to.equal(JSON.stringify(formatCollection(p, { rows, nextLink: 'http://h/n' }, options())));
    }
  });
});

describe('utf8Body (pieces of text → one UTF-8 buffer)', () => {
  it('encodes every piece in order, characters outside Latin-1 and astral ones included', () => {
    const pieces = ['{"a":', '"Łódź ☃ 😀"', ',"b":"x"}'];
    const body = utf8Body(pieces);
    expect(body.equals(Buffer.from(pieces.join(''), 'utf8'))).to.equal(true);
    expect(JSON.parse(body.toString('utf8'))).to.deep.equal({ a: 'Łódź ☃ 😀', b: 'x' });
  });

  it('gives an empty buffer for no pieces', () => {
    expect(utf8Body([]).length).to.equal(0);
  });
});
