"""The one authorization policy of the editors' workspace.

Two questions, asked by the admin, the CSV imports and the history views alike:
- `reachable(user, queryset)`: which rows may this user reach?
- `can(user, action, obj_or_model)`: may this user do this to this entry?
- `must_propose(user, entry)`: does this user's change wait for a reviewer (a pending revision)?

Administrators (superusers) and reviewers (permission `editorial.review`) reach
every entry; an editor reaches the rows its organisations own, as each model's
QuerySet says in `owned_by(user)`. Publishing needs the model's `publish_<model>`
permission; deleting is for administrators only (entries are archived instead).
"""
VIEW, ADD, CHANGE, DELETE, PUBLISH, IMPORT, HISTORY = "view", "add", "change", "delete", "publish", "import", "history"
REVIEW_PERMISSION = "editorial.review"


def is_staff(user):
    return bool(user and user.is_active and user.is_staff)


def sees_everything(user):
    return is_staff(user) and (user.is_superuser or user.has_perm(REVIEW_PERMISSION))


def manages_accounts(user):
    """Administrators alone attach accounts to organisations (and create accounts)."""
    return is_staff(user) and user.is_superuser


def reachable(user, queryset):
    """`queryset` narrowed to what `user` may see and edit."""
    if not is_staff(user):
        return queryset.none()
    if sees_everything(user):
        return queryset
    return queryset.owned_by(user)


def _has(user, model, codename):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.{codename}_{opts.model_name}")


def may_publish(user, model):
    return is_staff(user) and (user.is_superuser or _has(user, model, "publish"))


def _model_permission(user, action, model):
    if action == DELETE:
        return user.is_superuser
    if action == PUBLISH:
        return may_publish(user, model)
    if action == IMPORT:  # each row that creates an entry is checked against ADD by the importer
        return _has(user, model, "change")
    if action == HISTORY:
        return _has(user, model, "view")
    return _has(user, model, action)


def is_reachable(user, obj):
    return reachable(user, type(obj)._default_manager.filter(pk=obj.pk)).exists()


def can(user, action, obj=None, *, model=None):
    """May `user` do `action` to `obj` (or, without `obj`, to entries of `model`)?"""
    model = model or type(obj)
    if not is_staff(user) or not _model_permission(user, action, model):
        return False
    if obj is None or obj.pk is None or sees_everything(user):
        return True
    return is_reachable(user, obj)


def is_live(obj):
    """Is `obj` published as stored (not as a form may have changed it in memory)?"""
    return obj.pk is not None and type(obj)._default_manager.filter(pk=obj.pk, publication_state="published").exists()


def must_propose(user, obj):
    """A change to a published entry by someone who may not publish it goes live only once a
    reviewer approves it: it is held as a pending revision (`editorial.revisions`)."""
    return not may_publish(user, type(obj)) and is_live(obj)


def may_decide(user, revision):
    """Approving or rejecting a revision is publishing: the entry's reviewers and administrators."""
    model = revision.content_type.model_class()
    return model is not None and may_publish(user, model) and sees_everything(user)


def sees_revision(user, revision):
    return is_staff(user) and (revision.author_id == user.pk or may_decide(user, revision))
