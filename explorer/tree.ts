/**
 * The org tree: teams as an ARIA tree (role=tree/treeitem/group, aria-expanded, aria-level, one tab stop
 * that moves with the arrow keys), loaded lazily — a team's sub-teams are fetched when it is opened, with
 * one more level asked only to know which of them have sub-teams themselves. Enter (or a click on the name)
 * opens the team.
 *   const tree = new TeamTree(element, (id) => location.hash = `#team/${id}`); await tree.loadRoots();
 */
import { allPages } from './api';
import { errorBox, h } from './dom';

interface TeamRow {
  readonly Id: number;
  readonly Name: string;
  readonly Children: readonly { readonly Id: number }[];
}

interface Node {
  readonly id: number;
  readonly name: string;
  readonly level: number;
  readonly parent: Node | null;
  readonly hasChildren: boolean;
  children: Node[] | null;
  expanded: boolean;
  readonly item: HTMLLIElement;
  readonly group: HTMLUListElement;
}

/** The teams under `parentId` (null: the top teams), by name, each telling whether it has sub-teams. */
function childrenQuery(parentId: number | null): string {
  const filter = `ParentId eq ${parentId === null ? 'null' : parentId}`;
  return `/OrganizationTeamHierarchies?$filter=${encodeURIComponent(filter)}&$select=Id,Name&$orderby=Name,Id&$expand=${encodeURIComponent('Children($select=Id;$top=1)')}`;
}

export class TeamTree {
  private readonly root: HTMLUListElement;
  private readonly nodes = new Map<HTMLLIElement, Node>();
  private readonly byId = new Map<number, Node>();
  private active: Node | null = null;

  constructor(container: HTMLElement, private readonly open: (teamId: number) => void) {
    this.root = h('ul', { role: 'tree', 'aria-label': 'Teams', class: 'tree' });
    this.root.addEventListener('keydown', (event) => this.onKey(event));
    container.replaceChildren(this.root);
  }

  async loadRoots(): Promise<void> {
    this.root.replaceChildren(h('li', { class: 'loading', role: 'none' }, 'Loading teams…'));
    try {
      const teams = await allPages<TeamRow>(childrenQuery(null));
      this.root.replaceChildren(...teams.map((t) => this.makeNode(t, 1, null).item));
      const first = this.nodes.get(this.root.firstElementChild as HTMLLIElement);
      if (first) this.focusable(first);
      if (teams.length === 0) this.root.replaceChildren(h('li', { role: 'none' }, 'No teams visible to you.'));
    } catch (err) {
      this.root.replaceChildren(h('li', { role: 'none' }, errorBox(err)));
    }
  }

  /** Marks the open team in the tree (aria-selected), when it is loaded. */
  select(teamId: number | null): void {
    for (const node of this.byId.values()) node.item.setAttribute('aria-selected', String(node.id === teamId));
  }

  private makeNode(team: TeamRow, level: number, parent: Node | null): Node {
    const item = h('li', { role: 'treeitem', 'aria-level': level, 'aria-selected': 'false', tabindex: -1, 'data-team-id': team.Id }) as HTMLLIElement;
    const group = h('ul', { role: 'group' }) as HTMLUListElement;
    const hasChildren = team.Children.length > 0;
    const toggle = h('span', { class: 'toggle', 'aria-hidden': 'true' }, hasChildren ? '▸' : '');
    const label = h('span', { class: 'label' }, team.Name);
    item.append(toggle, label);
    const node: Node = { id: team.Id, name: team.Name, level, parent, hasChildren, children: null, expanded: false, item, group };
    if (hasChildren) {
      item.setAttribute('aria-expanded', 'false');
      item.append(group);
      group.hidden = true;
    }
    toggle.addEventListener('click', (event) => {
      event.stopPropagation();
      this.focusable(node, true);
      void this.toggle(node);
    });
    label.addEventListener('click', (event) => {
      event.stopPropagation();
      this.focusable(node, true);
      this.open(node.id);
    });
    this.nodes.set(item, node);
    this.byId.set(node.id, node);
    return node;
  }

  private async toggle(node: Node, expand = !node.expanded): Promise<void> {
    if (!node.hasChildren || node.expanded === expand) return;
    node.expanded = expand;
    node.item.setAttribute('aria-expanded', String(expand));
    (node.item.firstElementChild as HTMLElement).textContent = expand ? '▾' : '▸';
    node.group.hidden = !expand;
    if (!expand || node.children) return;
    node.item.setAttribute('aria-busy', 'true');
    node.group.replaceChildren(h('li', { role: 'none', class: 'loading' }, 'Loading…'));
    try {
      const teams = await allPages<TeamRow>(childrenQuery(node.id));
      node.children = teams.map((t) => this.makeNode(t, node.level + 1, node));
      node.group.replaceChildren(...node.children.map((c) => c.item));
    } catch (err) {
      node.group.replaceChildren(h('li', { role: 'none' }, errorBox(err)));
    } finally {
      node.item.removeAttribute('aria-busy');
    }
  }

  /** The one tab stop of the tree; `focus` moves the keyboard focus there too. */
  private focusable(node: Node, focus = false): void {
    if (this.active) this.active.item.tabIndex = -1;
    this.active = node;
    node.item.tabIndex = 0;
    if (focus) node.item.focus();
  }

  /** The items a user sees, in order (inside collapsed teams: none). */
  private visible(): Node[] {
    const out: Node[] = [];
    const walk = (items: Iterable<Element>) => {
      for (const element of items) {
        const node = this.nodes.get(element as HTMLLIElement);
        if (!node) continue;
        out.push(node);
        if (node.expanded && node.children) walk(node.group.children);
      }
    };
    walk(this.root.children);
    return out;
  }

  private onKey(event: KeyboardEvent): void {
    const node = this.active;
    if (!node) return;
    const visible = this.visible();
    const at = visible.indexOf(node);
    const move = (target: Node | undefined) => { if (target) this.focusable(target, true); };
    switch (event.key) {
      case 'ArrowDown': move(visible[at + 1]); break;
      case 'ArrowUp': move(visible[at - 1]); break;
      case 'Home': move(visible[0]); break;
      case 'End': move(visible[visible.length - 1]); break;
      case 'ArrowRight':
        if (node.hasChildren && !node.expanded) void this.toggle(node, true);
        else if (node.expanded && node.children?.[0]) move(node.children[0]);
        break;
      case 'ArrowLeft':
        if (node.expanded) void this.toggle(node, false);
        else move(node.parent ?? undefined);
        break;
      case 'Enter':
      case ' ':
        this.open(node.id);
        break;
      default:
        return;
    }
    event.preventDefault();
  }
}

