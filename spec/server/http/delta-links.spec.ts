/**
 * The HTTP pieces of delta links, pure: the delta link's URL (the read's own options and the new token),
 * the `odata.track-changes` preference, the retention and role checks (410), and the removed entries in
 * the 4.01 and 4.0 forms chosen by OData-MaxVersion.
 */
import { expect } from 'chai';
import { ODataError } from '../../../odata/errors';
import { removedEntry, removedForm, requireFreshHorizon } from '../../../server/http/delta-handler';
import { parsePrefer } from '../../../server/http/prefer';
import { deltaLink, nextLink } from '../../../server/http/urls';
import { thrownODataError } from '../../helpers/odata-error';

describe('delta links over HTTP (urls, prefer, delta-handler)', () => {
  it('builds the delta link from the read\'s options without paging, count or the previous token', () => {
    expect(deltaLink('http://h/odata/Users', "$filter=Department%20eq%20'Sales'&$select=Id&$skiptoken=s1&$count=true&token=secret&$deltatoken=old&$top=5", 'd1'))
      .to.equal("http://h/odata/Users?$filter=Department%20eq%20'Sales'&$select=Id&$deltatoken=d1");
    expect(deltaLink('http://h/odata/Users', '', 'a+b/c')).to.equal('http://h/odata/Users?$deltatoken=a%2Bb%2Fc');
    // a next page keeps $count, unlike a delta link
    expect(nextLink('http://h/odata/Users', '$count=true&$skiptoken=s1', undefined, 's2')).to.equal('http://h/odata/Users?$count=true&$skiptoken=s2');
  });

  it('reads the odata.track-changes preference beside the others', () => {
    expect(parsePrefer('odata.track-changes, odata.maxpagesize=50')).to.deep.include({ trackChanges: true, maxPageSize: 50 });
    expect(parsePrefer('track-changes').trackChanges).to.equal(true);
    expect(parsePrefer('odata.maxpagesize=50').trackChanges).to.equal(false);
  });

  it('answers 410 for a horizon older than the retention or taken under another role, naming the retention', () => {
    const now = 1_796_400_000_000;
    const fresh = { s: '5:9:', t: now - 3_600_000, a: true };
    expect(() => requireFreshHorizon(fresh, { isAdministrator: true }, now, 7 * 86_400)).not.to.throw();
    const old = thrownODataError(() => requireFreshHorizon({ ...fresh, t: now - 8 * 86_400_000 }, { isAdministrator: true }, now, 7 * 86_400));
    expect([old?.status, old?.code, old?.target]).to.deep.equal([410, 'DeltaLinkExpired', '$deltatoken']);
    expect(old?.message).to.contain('7 days');
    expect(() => requireFreshHorizon(fresh, { isAdministrator: false }, now, 7 * 86_400)).to.throw(ODataError, 'administrator role');
  });

  it('writes removed entries as OData 4.01 unless the client caps the version at 4.0', () => {
    expect([removedForm(undefined), removedForm('4.01'), removedForm(' 4.0 '), removedForm('4.0'), removedForm('nonsense')]).to.deep.equal(['4.01', '4.01', '4.0', '4.0', '4.01']);
    expect(removedEntry('4.01', 'http://h/odata/Users(42)', 'deleted', 'http://h/odata', 'Users')).to.deep.equal({ '@removed': { reason: 'deleted' }, '@id': 'http://h/odata/Users(42)' });
    expect(removedEntry('4.0', 'http://h/odata/Users(42)', 'changed', 'http://h/odata', 'Users')).to.deep.equal({
      '@odata.context': 'http://h/odata/$metadata#Users/$deletedEntity', id: 'http://h/odata/Users(42)', reason: 'changed',
    });
  });
});
