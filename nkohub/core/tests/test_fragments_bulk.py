"""A bulk write that sends no signals renews every cached list that shows its model."""

from nkohub.core import fragments
from nkohub.organizations.models import Sphere


def test_bump_for_gives_every_group_watching_the_model_a_new_version() -> None:
    fragments.invalidate_on("test.spheres-a", Sphere)
    fragments.invalidate_on("test.spheres-b", Sphere)
    before = (fragments.version("test.spheres-a"), fragments.version("test.spheres-b"))
    fragments.bump_for(Sphere)
    after = (fragments.version("test.spheres-a"), fragments.version("test.spheres-b"))
    assert before[0] != after[0]
    assert before[1] != after[1]


def test_bump_for_leaves_groups_of_other_models_alone() -> None:
    from nkohub.accounts.models import User

    fragments.invalidate_on("test.spheres-c", Sphere)
    before = fragments.version("test.spheres-c")
    fragments.bump_for(User)
    assert fragments.version("test.spheres-c") == before
