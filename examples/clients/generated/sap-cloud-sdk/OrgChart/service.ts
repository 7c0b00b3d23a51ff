/*
 * Copyright (c) 2026 SAP SE or an SAP affiliate company. All rights reserved.
 *
 * This is a generated file powered by the SAP Cloud SDK for JavaScript.
 */
import { UsersApi } from './UsersApi';
import { OrganizationTeamHierarchiesApi } from './OrganizationTeamHierarchiesApi';
import { OrganizationTeamMemberHierarchiesApi } from './OrganizationTeamMemberHierarchiesApi';
import { AuditLogsApi } from './AuditLogsApi';
import { ProjectsApi } from './ProjectsApi';
import { TeamsApi } from './TeamsApi';
import { MappingsApi } from './MappingsApi';
import { AccessTokensApi } from './AccessTokensApi';
import { TokenActivityLogsApi } from './TokenActivityLogsApi';
import {
  createOrgHierarchyMapping,
  CreateOrgHierarchyMappingParameters
} from './operations';
import { BigNumber } from 'bignumber.js';
import { Moment, Duration } from 'moment';
import {
  defaultDeSerializers,
  DeSerializers,
  DefaultDeSerializers,
  mergeDefaultDeSerializersWith,
  Time
} from '@sap-cloud-sdk/odata-v4';
import { batch, changeset } from './BatchRequest';

export function orgChart<
  BinaryT = string,
  BooleanT = boolean,
  ByteT = number,
  DecimalT = BigNumber,
  DoubleT = number,
  FloatT = number,
  Int16T = number,
  Int32T = number,
  Int64T = BigNumber,
  GuidT = string,
  SByteT = number,
  SingleT = number,
  StringT = string,
  AnyT = any,
  DateTimeOffsetT = Moment,
  DateT = Moment,
  DurationT = Duration,
  TimeOfDayT = Time,
  EnumT = any
>(
  deSerializers: Partial<
    DeSerializers<
      BinaryT,
      BooleanT,
      ByteT,
      DecimalT,
      DoubleT,
      FloatT,
      Int16T,
      Int32T,
      Int64T,
      GuidT,
      SByteT,
      SingleT,
      StringT,
      AnyT,
      DateTimeOffsetT,
      DateT,
      DurationT,
      TimeOfDayT,
      EnumT
    >
  > = defaultDeSerializers as any
): OrgChart<
  DeSerializers<
    BinaryT,
    BooleanT,
    ByteT,
    DecimalT,
    DoubleT,
    FloatT,
    Int16T,
    Int32T,
    Int64T,
    GuidT,
    SByteT,
    SingleT,
    StringT,
    AnyT,
    DateTimeOffsetT,
    DateT,
    DurationT,
    TimeOfDayT,
    EnumT
  >
> {
  return new OrgChart(mergeDefaultDeSerializersWith(deSerializers));
}
class OrgChart<DeSerializersT extends DeSerializers = DefaultDeSerializers> {
  private apis: Record<string, any> = {};
  private deSerializers: DeSerializersT;

  constructor(deSerializers: DeSerializersT) {
    this.deSerializers = deSerializers;
  }

  private initApi(key: string, entityApi: any): any {
    if (!this.apis[key]) {
      this.apis[key] = entityApi._privateFactory(this.deSerializers);
    }
    return this.apis[key];
  }

  get usersApi(): UsersApi<DeSerializersT> {
    const api = this.initApi('usersApi', UsersApi);
    const linkedApis = [
      this.initApi(
        'organizationTeamMemberHierarchiesApi',
        OrganizationTeamMemberHierarchiesApi
      ),
      this.initApi('teamsApi', TeamsApi),
      this.initApi('projectsApi', ProjectsApi)
    ];
    api._addNavigationProperties(linkedApis);
    return api;
  }

  get organizationTeamHierarchiesApi(): OrganizationTeamHierarchiesApi<DeSerializersT> {
    const api = this.initApi(
      'organizationTeamHierarchiesApi',
      OrganizationTeamHierarchiesApi
    );
    const linkedApis = [
      this.initApi(
        'organizationTeamHierarchiesApi',
        OrganizationTeamHierarchiesApi
      ),
      this.initApi(
        'organizationTeamHierarchiesApi',
        OrganizationTeamHierarchiesApi
      ),
      this.initApi(
        'organizationTeamMemberHierarchiesApi',
        OrganizationTeamMemberHierarchiesApi
      )
    ];
    api._addNavigationProperties(linkedApis);
    return api;
  }

  get organizationTeamMemberHierarchiesApi(): OrganizationTeamMemberHierarchiesApi<DeSerializersT> {
    const api = this.initApi(
      'organizationTeamMemberHierarchiesApi',
      OrganizationTeamMemberHierarchiesApi
    );
    const linkedApis = [
      this.initApi('usersApi', UsersApi),
      this.initApi(
        'organizationTeamHierarchiesApi',
        OrganizationTeamHierarchiesApi
      )
    ];
    api._addNavigationProperties(linkedApis);
    return api;
  }

  get auditLogsApi(): AuditLogsApi<DeSerializersT> {
    const api = this.initApi('auditLogsApi', AuditLogsApi);
    const linkedApis = [this.initApi('usersApi', UsersApi)];
    api._addNavigationProperties(linkedApis);
    return api;
  }

  get projectsApi(): ProjectsApi<DeSerializersT> {
    const api = this.initApi('projectsApi', ProjectsApi);
    const linkedApis = [this.initApi('usersApi', UsersApi)];
    api._addNavigationProperties(linkedApis);
    return api;
  }

  get teamsApi(): TeamsApi<DeSerializersT> {
    const api = this.initApi('teamsApi', TeamsApi);
    const linkedApis = [this.initApi('usersApi', UsersApi)];
    api._addNavigationProperties(linkedApis);
    return api;
  }

  get mappingsApi(): MappingsApi<DeSerializersT> {
    const api = this.initApi('mappingsApi', MappingsApi);
    const linkedApis = [
      this.initApi('projectsApi', ProjectsApi),
      this.initApi('usersApi', UsersApi)
    ];
    api._addNavigationProperties(linkedApis);
    return api;
  }

  get accessTokensApi(): AccessTokensApi<DeSerializersT> {
    const api = this.initApi('accessTokensApi', AccessTokensApi);
    const linkedApis = [this.initApi('usersApi', UsersApi)];
    api._addNavigationProperties(linkedApis);
    return api;
  }

  get tokenActivityLogsApi(): TokenActivityLogsApi<DeSerializersT> {
    const api = this.initApi('tokenActivityLogsApi', TokenActivityLogsApi);
    const linkedApis = [
      this.initApi('usersApi', UsersApi),
      this.initApi('accessTokensApi', AccessTokensApi)
    ];
    api._addNavigationProperties(linkedApis);
    return api;
  }

  get operations() {
    return {
      createOrgHierarchyMapping: (
        parameter: CreateOrgHierarchyMappingParameters<DeSerializersT>
      ) => createOrgHierarchyMapping(parameter, this.deSerializers)
    };
  }

  get batch(): typeof batch {
    return batch;
  }

  get changeset(): typeof changeset {
    return changeset;
  }
}
